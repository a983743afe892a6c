package dev.layerscope.web;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers on every HTTP response. The Content-Security-Policy lets the page load only its own
 * scripts, styles and images and open WebSockets only to this server; {@code frame-ancestors}
 * comes from the settings (any site by default, so course pages can embed the view).
 */
final class SecurityHeaders {

    private final String contentSecurityPolicy;

    SecurityHeaders(String frameAncestors) {
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors " + frameAncestors;
    }

    void apply(Context ctx) {
        all().forEach(ctx::header);
    }

    /** Returns every header name with its value, in a fixed order. */
    Map<String, String> all() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        return headers;
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }
}
