package dev.layerscope.web;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Reads request bodies with a bound of the endpoint's own, so that a JSON endpoint never buffers
 * more than {@code maxMessageBytes}, whatever the {@code Content-Length} header claims and when a
 * chunked body has no such header.
 */
final class RequestBodies {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBodies.class);
    /** The largest byte array a JVM reliably allocates. */
    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;
    /** Maximum number of bytes of an oversized body that are read and dropped before the 413 is sent. */
    private static final long DISCARD_BYTES = 1024 * 1024;

    private RequestBodies() {
    }

    /**
     * Returns the body of at most {@code max} bytes.
     *
     * @param limitName the server limit that sets {@code max}, named in the 413 error
     * @throws HttpException 413 when the body is longer, 400 when the client stopped sending it
     */
    static byte[] read(Context ctx, long max, String limitName) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw tooLarge(declared + " bytes", max, limitName);
        }
        byte[] body;
        try {
            body = ctx.req().getInputStream().readNBytes((int) Math.min(max + 1, MAX_ARRAY_BYTES));
        } catch (IOException e) {
            // The client disconnected mid-body and will not read the response, so one log line is enough.
            LOG.info("{} {}: the request body could not be read: {}", ctx.method(), ctx.path(), e.toString());
            throw new HttpException(400, HttpError.of("the request body could not be read: " + e.getMessage(),
                    "body", "incomplete", "a complete body of at most " + max + " bytes"));
        }
        if (body.length > max) {
            discardRest(ctx);
            throw tooLarge("more than " + max + " bytes", max, limitName);
        }
        return body;
    }

    /**
     * Reads and drops up to {@link #DISCARD_BYTES} more of a body that is over its limit. A client that
     * is still sending when the server responds and closes can see the connection reset instead of the
     * 413, so a moderately long body is consumed first. A longer one is cut off.
     */
    private static void discardRest(Context ctx) {
        try {
            long left = DISCARD_BYTES;
            byte[] buffer = new byte[8192];
            while (left > 0) {
                int n = ctx.req().getInputStream().read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException e) {
            // The client stopped sending, and the 413 is still sent.
            LOG.debug("{} {}: discarding the rest of an oversized body failed: {}", ctx.method(), ctx.path(), e.toString());
        }
    }

    private static HttpException tooLarge(String value, long max, String limitName) {
        return new HttpException(413, HttpError.of("the body is larger than " + max + " bytes", "body", value,
                "up to " + max + " bytes (server limit " + limitName + ")"));
    }
}
