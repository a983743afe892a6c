package dev.layerscope.web;

import io.javalin.http.Context;

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
        ctx.header("Content-Security-Policy", contentSecurityPolicy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }
}
