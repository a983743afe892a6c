package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.session.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests that try to make the server buffer too much, fail, or respond outside its documented errors. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputTest {

    private static final int MAX_MESSAGE_BYTES = 2048;
    private static final long MAX_UPLOAD_BYTES = 10_240;
    /** Time a raw socket waits for more of the response. The server must respond before any body arrives. */
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    /** Unknown keys in one configuration: more than the errors one response lists, within 2 KiB. */
    private static final int UNKNOWN_KEYS = 120;
    /** Epochs of the exported run: about 1 MB of JSON Lines, far more than one response buffer. */
    private static final int EXPORT_EPOCHS = 200;

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        Limits d = Limits.DEFAULTS;
        Limits small = new Limits(d.maxParameters(), d.maxTrainerMegabytes(), d.maxLayers(), d.maxWidth(), d.maxEpochs(),
                d.maxSamples(), d.maxHistogramBins(), d.maxUnitSample(), d.maxHistoryRows(), d.maxSessions(),
                d.maxViewersPerSession(), MAX_UPLOAD_BYTES, d.maxUploads(), MAX_MESSAGE_BYTES, d.commandsPerSecond(),
                d.maxEpochsPerSecond(), d.idleSeconds());
        server = TestServer.start(TestServer.defaults().withLimits(small));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void chunkedJsonBodyOverLimitGets413() {
        byte[] body = ("{\"description\": \"" + "x".repeat(MAX_MESSAGE_BYTES * 4) + "\"}").getBytes(StandardCharsets.UTF_8);

        // A body from a stream has no Content-Length, so the client sends it chunked.
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertJsonError(response, 413, "body");
        assertTrue(TestServer.json(response).get("allowed").asText().contains("maxMessageBytes"), response.body());
        server.create(TestServer.smallConfig(1));
    }

    @Test
    void chunkedUploadOverLimitGets413() {
        byte[] body = "1,0\n".repeat((int) MAX_UPLOAD_BYTES).getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/datasets"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertJsonError(response, 413, "body");
        assertTrue(TestServer.json(response).get("allowed").asText().contains("maxUploadBytes"), response.body());
    }

    @Test
    void contentLengthBeyondIntGets413WithoutBody() throws IOException {
        String fork = "/api/sessions/" + server.create(TestServer.smallConfig(1)).id() + "/fork";
        // 2^32 + 1 does not fit the servlet API's int content length, which reads it as -1 (unknown).
        for (String path : new String[] {"/api/sessions", "/api/datasets", fork}) {
            String contentType = path.equals("/api/datasets") ? "text/csv" : "application/json";

            String statusLine = responseTo("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                    + contentType + "\r\nContent-Length: 4294967297\r\nConnection: close\r\n\r\n{}");

            assertTrue(statusLine.startsWith("HTTP/1.1 413"), path + " -> " + statusLine);
            assertTrue(statusLine.contains("\"field\":\"body\""), statusLine);
        }
        server.create(TestServer.smallConfig(1));
    }

    @Test
    void onlyJsonMediaTypeIsAccepted() {
        for (String contentType : List.of("application/jsonp", "application/json-seq", "text/plain")) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/sessions"))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(TestServer.smallConfig(1))).build());

            assertJsonError(response, 415, "Content-Type");
        }
        HttpResponse<String> withCharset = server.send(HttpRequest.newBuilder(server.uri("/api/sessions"))
                .header("Content-Type", "Application/JSON; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.smallConfig(1))).build());
        assertEquals(201, withCharset.statusCode(), withCharset.body());
    }

    @Test
    void requestsJettyRejectsGetJsonErrors() throws IOException {
        List<String> requests = List.of(
                "GET /%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n",
                "POST /api/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\nConnection: close\r\n\r\n");
        List<String> statuses = List.of("400", "414", "431", "400");
        for (int i = 0; i < requests.size(); i++) {
            String response = responseTo(requests.get(i));
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            JsonNode body = TestServer.parse(response.substring(response.indexOf("\r\n\r\n") + 4));

            assertTrue(response.startsWith("HTTP/1.1 " + statuses.get(i)), response);
            assertTrue(head.contains("Content-Type: application/json"), head);
            assertTrue(head.contains("Content-Security-Policy: "), head);
            assertEquals("request", body.path("field").asText(), response);
            assertFalse(body.path("error").asText().isEmpty(), response);
        }
        assertEquals(200, server.get("/health").statusCode());
    }

    /** Sends a raw request, which may announce a body it never sends, and returns the whole response. */
    private static String responseTo(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                response.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            return response.toString();
        }
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        JsonNode body = TestServer.json(response);
        assertEquals(field, body.path("field").asText(), response.body());
        assertFalse(body.path("error").asText().isEmpty(), response.body());
    }

    @Test
    void duplicateKeysInFramesAreMalformed() {
        TestServer.Created created = server.create(TestServer.smallConfig(5));
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            List<String> frames = List.of(
                    "{\"type\": \"start\", \"type\": \"pause\"}",
                    "{\"type\": \"applyConfig\", \"config\": {\"network\": {\"depth\": 1, \"depth\": 2}}}");
            for (String frame : frames) {
                owner.send(frame);
                JsonNode error = owner.next("error");

                assertEquals("malformed", error.get("code").asText(), frame + " -> " + error);
                assertTrue(error.get("error").asText().contains("Duplicate field"), error.toString());
            }
            owner.send("{\"type\":\"ping\"}");
            owner.next("pong");

            assertEquals("ready", server.server.registry().find(created.id()).orElseThrow().state().status().toString());
            assertEquals(3, server.server.registry().find(created.id()).orElseThrow().config().network().hiddenLayers().size());
        }
    }

    @Test
    void manyInvalidFieldsAreCountedNotAllListed() {
        StringBuilder unknownKeys = new StringBuilder("{");
        for (int i = 0; i < UNKNOWN_KEYS; i++) {
            unknownKeys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        String config = unknownKeys.append('}').toString();
        TestServer.Created created = server.create(TestServer.smallConfig(5));

        HttpResponse<String> response = server.postJson("/api/sessions", config);
        JsonNode frameError;
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            owner.send("{\"type\":\"applyConfig\",\"config\":" + config + "}");
            frameError = owner.next("error");
        }

        JsonNode httpErrors = TestServer.json(response).get("errors");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(TestServer.json(response).get("error").asText().contains(UNKNOWN_KEYS + " fields"), response.body());
        assertEquals(HttpError.MAX_LISTED_ERRORS + 1, httpErrors.size(), response.body());
        assertEquals((UNKNOWN_KEYS - HttpError.MAX_LISTED_ERRORS) + " more invalid fields",
                httpErrors.get(HttpError.MAX_LISTED_ERRORS).get("value").asText());
        assertEquals("invalidConfig", frameError.get("code").asText(), frameError.toString());
        assertEquals(HttpError.MAX_LISTED_ERRORS + 1, frameError.get("errors").size(), frameError.toString());
    }

    @Test
    void longHistoryExportIsComplete() {
        TestServer.Created created = server.create(TestServer.smallConfig(EXPORT_EPOCHS));
        server.trainToEnd(created);

        HttpResponse<String> jsonLines = server.get("/api/sessions/" + created.id() + "/history.jsonl");
        HttpResponse<String> csv = server.get("/api/sessions/" + created.id() + "/history.csv");

        assertEquals(200, jsonLines.statusCode());
        assertEquals(EXPORT_EPOCHS + 1, jsonLines.body().split("\n").length, "epochs 0 to " + EXPORT_EPOCHS);
        assertEquals(200, csv.statusCode());
        assertEquals(1 + (EXPORT_EPOCHS + 1) * 4, csv.body().split("\n").length, "a header and 4 layers per entry");
    }

    @Test
    void uploadUnfitForConfigurationGets400() {
        StringBuilder csv = new StringBuilder("wide,label\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i % 2 == 0 ? "-1e308" : "1e308").append(',').append(i % 2).append('\n');
        }
        HttpResponse<String> uploaded = server.send(HttpRequest.newBuilder(server.uri("/api/datasets"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build());
        String dataset = TestServer.json(uploaded).path("dataset").asText();

        // 5 rows per class: a test fraction of 0.05 holds out none of them, and unit-range overflows.
        HttpResponse<String> tooFewRows = server.postJson("/api/sessions",
                "{\"data\": {\"dataset\": \"" + dataset + "\", \"testFraction\": 0.05, \"scaling\": \"none\"}}");
        HttpResponse<String> tooWide = server.postJson("/api/sessions",
                "{\"data\": {\"dataset\": \"" + dataset + "\"}}");
        HttpResponse<String> unscaled = server.postJson("/api/sessions",
                "{\"data\": {\"dataset\": \"" + dataset + "\", \"scaling\": \"none\"}, \"training\": {\"epochs\": 1}}");

        assertEquals(201, uploaded.statusCode(), uploaded.body());
        assertJsonError(tooFewRows, 400, "data.dataset");
        assertTrue(TestServer.json(tooFewRows).get("allowed").asText().contains("testFraction"), tooFewRows.body());
        assertJsonError(tooWide, 400, "data.dataset");
        assertTrue(TestServer.json(tooWide).get("allowed").asText().contains("too wide"), tooWide.body());
        assertEquals(201, unscaled.statusCode(), unscaled.body());
    }

    @Test
    void dataDirectoryIsRejectedWithoutProbingTheDisk() {
        // Whether a folder exists, and whether its name is a valid path, must not change the response.
        for (String directory : List.of("/", "/no-such-folder-anywhere", "a\\u0000b")) {
            HttpResponse<String> response = server.postJson("/api/sessions",
                    "{\"data\": {\"dataset\": \"mnist\", \"directory\": \"" + directory + "\"}}");

            assertJsonError(response, 400, "data.directory");
            assertTrue(TestServer.json(response).get("allowed").asText().contains("LAYERSCOPE_DATASET_FOLDERS"),
                    response.body());
        }
        HttpResponse<String> twoErrors = server.postJson("/api/sessions",
                "{\"network\": {\"depth\": 0}, \"data\": {\"dataset\": \"mnist\", \"directory\": \"/\"}}");

        assertEquals(2, TestServer.json(twoErrors).get("errors").size(), twoErrors.body());
    }
}
