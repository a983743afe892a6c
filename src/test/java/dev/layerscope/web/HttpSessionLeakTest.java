package dev.layerscope.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpSessionLeakTest {

    private static final Pattern SESSION_COOKIE = Pattern.compile("(?im)^Set-Cookie:\\s*JSESSIONID=([^;\\r\\n]+)");

    @Test
    void upgradeKeepsNoHttpSession() throws IOException {
        try (TestServer server = TestServer.start()) {
            TestServer.Created created = server.create(TestServer.smallConfig(1));

            String response = upgradeAndClose(server.port(), "/ws/sessions/" + created.id());

            assertTrue(response.startsWith("HTTP/1.1 101"), response);
            // Javalin creates an HTTP session during the upgrade; the server must not keep it afterwards.
            Matcher cookie = SESSION_COOKIE.matcher(response);
            assertTrue(cookie.find(), "the upgrade response sets a session cookie: " + response);
            assertFalse(server.server.keepsHttpSession(cookie.group(1).replaceFirst("\\..*$", "")));
            assertFalse(server.server.keepsHttpSession(cookie.group(1)));
        }
    }

    /** Sends a WebSocket upgrade request on a plain socket, returns the response header, and closes. */
    private static String upgradeAndClose(int port, String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder header = new StringBuilder();
            int next;
            while (!header.toString().endsWith("\r\n\r\n") && (next = in.read()) >= 0) {
                header.append((char) next);
            }
            return header.toString();
        }
    }
}
