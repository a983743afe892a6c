package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpEndpointsTest {

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestServer.defaults().withFrameAncestors("'self' https://course.example.org"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void wrongMethodGets405() {
        List<List<String>> table = List.of(
                List.of("POST", "/health", "GET, HEAD"),
                List.of("DELETE", "/api/sessions/some-id", "GET, HEAD"),
                List.of("GET", "/api/sessions", "POST"),
                List.of("PUT", "/api/datasets", "POST"));
        for (List<String> row : table) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri(row.get(1)))
                    .method(row.get(0), HttpRequest.BodyPublishers.noBody()).build());
            JsonNode body = TestServer.json(response);

            assertEquals(405, response.statusCode(), row + " -> " + response.body());
            assertEquals(row.get(2), response.headers().firstValue("Allow").orElse(""), row.toString());
            assertEquals("method", body.path("field").asText(), response.body());
            assertEquals(row.get(0), body.path("value").asText(), response.body());
        }
    }

    @Test
    void headGetsTheStatusOfGet() {
        TestServer.Created created = server.create(TestServer.smallConfig(1));
        List<List<String>> table = List.of(
                List.of("/api/sessions/" + created.id(), "200"),
                List.of("/api/sessions/no-such-session", "404"),
                List.of("/api/sessions/no-such-session/history.csv", "404"),
                List.of("/api/presets/no-such-preset", "404"),
                List.of("/api/meta", "200"));
        for (List<String> row : table) {
            HttpResponse<String> head = server.send(HttpRequest.newBuilder(server.uri(row.get(0)))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            HttpResponse<String> get = server.get(row.get(0));

            assertEquals(Integer.parseInt(row.get(1)), head.statusCode(), row.get(0));
            assertEquals(get.statusCode(), head.statusCode(), row.get(0));
            assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), row.get(0));
            assertEquals("", head.body(), row.get(0));
        }
    }

    @Test
    void healthAnswers() {
        HttpResponse<String> response = server.get("/health");

        assertEquals(200, response.statusCode());
        assertEquals("ok", TestServer.json(response).get("status").asText());
    }

    @Test
    void metaListsVersionsLimitsAndChartJs() {
        JsonNode meta = TestServer.json(server.get("/api/meta"));
        String chartJsUrl = meta.get("chartJsUrl").asText();
        HttpResponse<String> chartJs = server.get(chartJsUrl);

        assertEquals(1, meta.get("protocolVersion").asInt());
        assertFalse(meta.get("version").asText().isEmpty());
        assertTrue(chartJsUrl.matches("/webjars/chart\\.js/[0-9.]+/dist/chart\\.umd\\.min\\.js"), chartJsUrl);
        assertEquals(200, chartJs.statusCode());
        assertTrue(chartJs.body().contains("Chart"), "Chart.js source");
        assertEquals("nosniff", chartJs.headers().firstValue("X-Content-Type-Options").orElse(""),
                "static files get the security headers too");
        assertEquals(64, meta.path("limits").path("maxLayers").asInt());
        assertTrue(meta.get("datasets").size() > 0);
        assertEquals("spirals", meta.get("datasets").get(0).get("name").asText());
    }

    @Test
    void presetsListedInMetaCanBeFetched() {
        JsonNode presets = TestServer.json(server.get("/api/meta")).get("presets");

        for (JsonNode preset : presets) {
            HttpResponse<String> response = server.get("/api/presets/" + preset.get("name").asText());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(preset.get("config"), TestServer.json(response));
        }
    }

    @Test
    void responsesCarrySecurityHeaders() {
        for (String path : List.of("/api/meta", "/health", "/api/sessions/unknown", "/")) {
            HttpResponse<String> response = server.get(path);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");

            assertTrue(policy.contains("frame-ancestors 'self' https://course.example.org"), path + ": " + policy);
            assertTrue(policy.contains("script-src 'self'"), path + ": " + policy);
            assertTrue(policy.contains("connect-src 'self'"), path + ": " + policy);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @Test
    void createdLinksKeepOwnerKeyInFragment() {
        TestServer.Created created = server.create(TestServer.smallConfig(2));
        JsonNode body = created.body();

        assertEquals("/?session=" + created.id() + "#owner=" + created.ownerKey(), body.get("ownerUrl").asText());
        assertEquals("/?session=" + created.id(), body.get("viewerUrl").asText());
        assertEquals("/embed?session=" + created.id(), body.get("embedUrl").asText());
        // 128 random bits in URL-safe base64 without padding are 22 characters.
        assertTrue(created.id().matches("[A-Za-z0-9_-]{22}"), created.id());
        assertTrue(created.ownerKey().matches("[A-Za-z0-9_-]{22}"), created.ownerKey());
        assertFalse(created.id().equals(created.ownerKey()));
    }

    @Test
    void historyExportsMatchTheRun() {
        TestServer.Created created = server.create(TestServer.smallConfig(3));
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            owner.send("{\"type\":\"start\"}");
            owner.statsUntilStatus("finished");
        }

        HttpResponse<String> jsonLines = server.get("/api/sessions/" + created.id() + "/history.jsonl");
        HttpResponse<String> csv = server.get("/api/sessions/" + created.id() + "/history.csv");

        assertEquals(200, jsonLines.statusCode());
        String[] lines = jsonLines.body().split("\n");
        assertEquals(4, lines.length, "epochs 0 to 3");
        for (int epoch = 0; epoch < lines.length; epoch++) {
            JsonNode entry = TestServer.parse(lines[epoch]);
            assertEquals(epoch, entry.get("epoch").asInt());
            assertEquals(4, entry.get("layers").size());
        }
        JsonNode first = TestServer.parse(lines[0]);
        assertTrue(first.path("layers").get(0).get("deadFraction").isNull(),
                "tanh units cannot die, so the statistic is null as in the headless run: " + lines[0]);
        JsonNode last = TestServer.parse(lines[3]);
        assertEquals(10, last.path("layers").get(0).path("preActivation").path("histogram").path("counts").size());
        assertTrue(jsonLines.headers().firstValue("Content-Disposition").orElse("").contains(".jsonl"));
        assertEquals(200, csv.statusCode());
        String[] rows = csv.body().split("\n");
        assertEquals(String.join(",", HistoryExport.CSV_COLUMNS), rows[0]);
        assertEquals(1 + 4 * 4, rows.length, "a header and 4 layers for each of 4 entries");
        assertEquals(HistoryExport.CSV_COLUMNS.size(), rows[rows.length - 1].split(",", -1).length);
        assertTrue(rows[rows.length - 1].startsWith("3,"), rows[rows.length - 1]);
    }

    @Test
    void describeShowsStateAndConfig() {
        TestServer.Created created = server.create(TestServer.smallConfig(2));

        JsonNode summary = TestServer.json(server.get("/api/sessions/" + created.id()));

        assertEquals("ready", summary.path("state").path("status").asText());
        assertEquals(3, summary.path("config").path("network").path("depth").asInt());
        assertFalse(summary.toString().contains(created.ownerKey()), "the summary must not reveal the owner key");
    }
}
