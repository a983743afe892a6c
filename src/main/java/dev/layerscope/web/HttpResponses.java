package dev.layerscope.web;

import dev.layerscope.config.ConfigException;
import dev.layerscope.session.CommandRejectedException;
import dev.layerscope.session.TooManySessionsException;
import dev.layerscope.web.protocol.Json;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Writes JSON responses and turns exceptions into 4xx bodies (and, for bugs, a logged 500). */
final class HttpResponses {

    private static final Logger LOG = LoggerFactory.getLogger(HttpResponses.class);

    private HttpResponses() {
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(Json.write(body));
    }

    /** Responds to {@code failure}, unwrapping it from a future first. */
    static void error(Context ctx, Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpException e) {
            json(ctx, e.status(), e.body());
        } else if (cause instanceof ConfigException e) {
            String count = e.errors().size() == 1 ? "1 field" : e.errors().size() + " fields";
            json(ctx, 400, HttpError.of("invalid configuration: " + count, e.errors()));
        } else if (cause instanceof TooManySessionsException e) {
            String owner = e.perClient() ? " owned by one client address" : "";
            json(ctx, e.perClient() ? 429 : 503, HttpError.of(e.getMessage(), "sessions", Integer.toString(e.limit()),
                    "fewer than " + e.limit() + " sessions" + owner + " (server limit " + e.limitName() + ")"));
        } else if (cause instanceof CommandRejectedException e) {
            json(ctx, 409, HttpError.of(e.getMessage(), List.of(e.error())));
        } else if (cause instanceof TimeoutException) {
            json(ctx, 503, HttpError.of("the session did not reach the end of its step in time; try again",
                    "id", ctx.pathParamMap().getOrDefault("id", ""), "a session that is not stuck"));
        } else {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), cause);
            json(ctx, 500, HttpError.of("internal error; the server log has the details", "request", ctx.path(),
                    "a request the server can handle"));
        }
    }
}
