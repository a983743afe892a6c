package dev.layerscope.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.config.RunConfig;
import dev.layerscope.session.Session;
import dev.layerscope.session.SessionRegistry;
import dev.layerscope.session.SessionState;
import dev.layerscope.web.protocol.Json;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** HTTP endpoints of sessions: create, describe, fork and export. */
final class SessionRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRoutes.class);

    /** Time a fork waits for the source session to reach the end of its current step. */
    private static final long FORK_TIMEOUT_SECONDS = 30;

    private final SessionRegistry registry;

    /** The response to a create or fork. The owner key appears only in the owner link's fragment. */
    record Created(String id, String ownerKey, String ownerUrl, String viewerUrl, String embedUrl, String forkedFrom) {

        static Created of(Session session) {
            return new Created(session.id(), session.ownerKey(),
                    "/?session=" + session.id() + "#owner=" + session.ownerKey(),
                    "/?session=" + session.id(), "/embed?session=" + session.id(), session.forkedFrom());
        }
    }

    record Summary(String id, JsonNode config, SessionState state, int viewerCount) {
    }

    SessionRoutes(SessionRegistry registry) {
        this.registry = registry;
    }

    void create(Context ctx) {
        RunConfig config = Configurations.parse(jsonBody(ctx));
        CompletableFuture<Session> created = registry.create(config, ctx.ip());
        respondCreated(ctx, created);
    }

    void describe(Context ctx) {
        Session session = find(ctx);
        HttpResponses.json(ctx, 200, new Summary(session.id(), ConfigJson.tree(session.config()), session.state(),
                session.listenerCount()));
    }

    void fork(Context ctx) {
        Session source = find(ctx);
        String body = new String(RequestBodies.read(ctx, registry.limits().maxMessageBytes(), "maxMessageBytes"),
                StandardCharsets.UTF_8);
        if (!body.isBlank() && !body.strip().equals("{}")) {
            throw new HttpException(400, HttpError.of("fork takes no options; send no body or {}", "body",
                    shorten(body), "empty or {}"));
        }
        CompletableFuture<Session> forked = registry.fork(source, ctx.ip()).orTimeout(FORK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        respondCreated(ctx, forked);
    }

    void historyJsonLines(Context ctx) {
        Session session = find(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"layerscope-" + session.id() + ".jsonl\"");
        ctx.contentType("application/x-ndjson");
        stream(ctx, session, out -> HistoryExport.writeJsonLines(session.history(), out));
    }

    void historyCsv(Context ctx) {
        Session session = find(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"layerscope-" + session.id() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        stream(ctx, session, out -> HistoryExport.writeCsv(session.history(), out));
    }

    /** The body of an export, written to the response as it is produced. */
    @FunctionalInterface
    private interface ExportBody {
        void writeTo(Writer out) throws IOException;
    }

    private static void stream(Context ctx, Session session, ExportBody body) {
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
            body.writeTo(out);
            out.flush();
        } catch (IOException e) {
            // The response is under way, so no error status can follow; the client stopped reading.
            LOG.info("session {}: export {} stopped: {}", session.id(), ctx.path(), e.toString());
        }
    }

    private void respondCreated(Context ctx, CompletableFuture<Session> future) {
        ctx.future(() -> future.handle((session, failure) -> {
            if (failure != null) {
                HttpResponses.error(ctx, failure);
            } else {
                HttpResponses.json(ctx, 201, Created.of(session));
            }
            return null;
        }));
    }

    private Session find(Context ctx) {
        String id = ctx.pathParam("id");
        Session session = registry.find(id).filter(s -> !s.isClosed()).orElseThrow(() -> new HttpException(404,
                HttpError.of("session not found (unknown id, or expired)", "id", shorten(id), "the id of a live session")));
        session.touch();
        return session;
    }

    /**
     * Returns the request body after checking its content type, its size and that it is JSON, so
     * that a configuration error is about the configuration and nothing else.
     */
    private String jsonBody(Context ctx) {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new HttpException(415, HttpError.of("the body must be JSON", "Content-Type",
                    String.valueOf(contentType), "application/json"));
        }
        byte[] body = RequestBodies.read(ctx, registry.limits().maxMessageBytes(), "maxMessageBytes");
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode tree = Json.MAPPER.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new HttpException(400, HttpError.of("the body is not a JSON object", "body", shorten(text),
                        "a configuration object (docs/configuration.md)"));
            }
        } catch (JsonProcessingException e) {
            throw new HttpException(400, HttpError.of("the body is not valid JSON: " + e.getOriginalMessage(), "body",
                    shorten(text), "a configuration object (docs/configuration.md)"));
        }
        return text;
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
