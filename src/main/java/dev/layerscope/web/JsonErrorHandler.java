package dev.layerscope.web;

import dev.layerscope.web.protocol.Json;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's error responses for requests that never reach a route: a malformed or ambiguous path
 * (400), a path over Jetty's length limit (414) or headers over theirs (431). Jetty writes these as
 * HTML by default. This handler writes the same JSON error body as the routes, with the security
 * headers, and never a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final SecurityHeaders securityHeaders;

    JsonErrorHandler(SecurityHeaders securityHeaders) {
        this.securityHeaders = securityHeaders;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        securityHeaders.all().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    /** Sets the headers and returns the body of the response to a request Jetty could not parse. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        securityHeaders.all().forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int status, String reason) {
        String text = reason == null || reason.isBlank() ? "status " + status : reason;
        HttpError error = HttpError.of("the request was rejected: " + text, "request", SessionRoutes.shorten(text),
                "a well-formed HTTP request to a path listed in docs/protocol.md");
        return Json.write(error).getBytes(StandardCharsets.UTF_8);
    }
}
