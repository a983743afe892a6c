package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerscope.session.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UploadTest {

    private static final int ROWS = 60;

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** 60 rows of 3 features and a label column with classes "even" and "odd". */
    private static String csv() {
        StringBuilder text = new StringBuilder("width,height,depth,label\n");
        for (int i = 0; i < ROWS; i++) {
            text.append(i / 60.0).append(',').append(i % 7).append(',').append(i % 3 - 1).append(',')
                    .append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        return text.toString();
    }

    private static HttpResponse<String> upload(String body, String contentType, String query) {
        return server.send(HttpRequest.newBuilder(server.uri("/api/datasets" + query))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void uploadedCsvTrainsInASession() {
        HttpResponse<String> uploaded = upload(csv(), "text/csv", "?name=boxes.csv");
        JsonNode info = TestServer.json(uploaded);
        String dataset = info.get("dataset").asText();

        assertEquals(201, uploaded.statusCode(), uploaded.body());
        assertTrue(dataset.startsWith("upload-"), dataset);
        assertEquals(3, info.get("features").asInt());
        assertEquals("[\"even\",\"odd\"]", info.get("classNames").toString());
        assertEquals(ROWS, info.get("rows").asInt());

        TestServer.Created created = server.create("{\"data\": {\"dataset\": \"" + dataset + "\", \"testFraction\": 0.25},"
                + " \"network\": {\"depth\": 2, \"width\": 8}, \"training\": {\"batchSize\": 15, \"epochs\": 2}}");
        try (TestSocket owner = server.connect(created.id())) {
            owner.hello(created.ownerKey());
            JsonNode welcome = owner.next("welcome");
            owner.send("{\"type\":\"stepEpoch\"}");
            JsonNode stats = owner.next("epoch").get("stats");

            assertEquals(dataset, welcome.path("config").path("data").path("dataset").asText());
            assertEquals(1, stats.get("epoch").asInt());
            assertEquals(3, stats.get("layers").get(0).get("fanIn").asInt(), "one input per feature column");
            assertEquals(2, stats.get("layers").get(2).get("width").asInt(), "one output per class");
        }
    }

    @Test
    void invalidCsvListsEveryProblem() {
        HttpResponse<String> response = upload("x,y,label\n1,2,a\n3,abc,b\n4,5\n", "text/csv", "");
        JsonNode body = TestServer.json(response);

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("file", body.get("field").asText());
        assertEquals(2, body.get("errors").size(), response.body());
        assertEquals("row 3, column 2", body.get("errors").get(0).get("value").asText(), response.body());
        assertTrue(body.get("errors").get(0).get("allowed").asText().contains("abc"), response.body());
    }

    @Test
    void badUploadRequestsGetClearStatuses() {
        HttpResponse<String> json = upload(csv(), "application/json", "");
        HttpResponse<String> column = upload(csv(), "text/csv", "?labelColumn=last");
        HttpResponse<String> header = upload(csv(), "text/csv", "?header=maybe");
        HttpResponse<String> unknown = server.postJson("/api/sessions",
                "{\"data\": {\"dataset\": \"upload-doesnotexist\"}, \"network\": {\"depth\": 2, \"width\": 8}}");

        assertEquals(415, json.statusCode(), json.body());
        assertEquals("labelColumn", TestServer.json(column).get("field").asText());
        assertEquals(400, column.statusCode());
        assertEquals("header", TestServer.json(header).get("field").asText());
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertEquals("data.dataset", TestServer.json(unknown).get("field").asText(), unknown.body());
    }

    @Test
    void oldestUploadIsDroppedBeyondLimit() {
        Limits defaults = Limits.DEFAULTS;
        Limits oneUpload = new Limits(defaults.maxParameters(), defaults.maxTrainerMegabytes(), defaults.maxLayers(), defaults.maxWidth(),
                defaults.maxEpochs(), defaults.maxSamples(), defaults.maxHistogramBins(), defaults.maxUnitSample(), defaults.maxHistoryRows(),
                defaults.maxSessions(), defaults.maxViewersPerSession(), defaults.maxUploadBytes(), 1, defaults.maxMessageBytes(),
                defaults.commandsPerSecond(), defaults.maxEpochsPerSecond(), defaults.idleSeconds());
        try (TestServer small = TestServer.start(TestServer.defaults().withLimits(oneUpload))) {
            String first = TestServer.json(small.send(csvRequest(small))).get("dataset").asText();
            String second = TestServer.json(small.send(csvRequest(small))).get("dataset").asText();
            String network = "\"network\": {\"depth\": 2, \"width\": 8}";

            HttpResponse<String> dropped = small.postJson("/api/sessions",
                    "{\"data\": {\"dataset\": \"" + first + "\"}, " + network + "}");
            HttpResponse<String> kept = small.postJson("/api/sessions",
                    "{\"data\": {\"dataset\": \"" + second + "\"}, " + network + "}");

            assertEquals(400, dropped.statusCode(), dropped.body());
            assertEquals("data.dataset", TestServer.json(dropped).get("field").asText());
            assertEquals(201, kept.statusCode(), kept.body());
        }
    }

    private static HttpRequest csvRequest(TestServer target) {
        return HttpRequest.newBuilder(target.uri("/api/datasets")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv())).build();
    }

    @Test
    void uploadOverLimitGives413() throws IOException {
        long declared = Limits.DEFAULTS.maxUploadBytes() + 1;

        // The request declares a body over the limit and sends none of it, so the server must respond from
        // the header alone. A client that streams the whole body can see the connection reset by the
        // early response instead of reading it.
        String response = rawRequest("POST /api/datasets HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/csv\r\nContent-Length: " + declared + "\r\n\r\n");

        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        JsonNode error = new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertEquals("body", error.get("field").asText());
        assertEquals(declared + " bytes", error.get("value").asText());
    }

    /** Sends raw request bytes on a new connection and returns everything the server writes back. */
    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int headerEnd = -1;
            long contentLength = -1;
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
                String text = received.toString(StandardCharsets.UTF_8);
                if (headerEnd < 0 && text.contains("\r\n\r\n")) {
                    headerEnd = text.indexOf("\r\n\r\n") + 4;
                    contentLength = contentLength(text.substring(0, headerEnd));
                }
                if (headerEnd >= 0 && contentLength >= 0 && received.size() >= headerEnd + contentLength) {
                    break;
                }
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static long contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        return -1;
    }
}
