package dev.layerscope.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A course page on its own origin (another free port on 127.0.0.1) that embeds Layerscope in an
 * iframe and records every message the embedded page posts in {@code window.layerscopeEvents}.
 * A file:// page cannot stand in for it, because CSP frame-ancestors * matches network schemes only.
 */
final class CoursePage implements AutoCloseable {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Course page</title></head>
            <body>
            <h1>A course page embedding Layerscope</h1>
            <iframe src="%s" width="640" height="560" title="Layerscope"></iframe>
            <script>
              window.layerscopeEvents = [];
              window.addEventListener('message', (event) => window.layerscopeEvents.push(event.data));
            </script>
            </body></html>
            """;

    private final HttpServer server;

    private CoursePage(HttpServer server) {
        this.server = server;
    }

    static CoursePage start(String embedUrl) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = PAGE.formatted(embedUrl).getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new CoursePage(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
