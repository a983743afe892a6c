package dev.layerscope.session;

/** Raised when creating a session would pass the server's limit on sessions. */
public final class TooManySessionsException extends RuntimeException {

    private final int limit;

    TooManySessionsException(int limit) {
        super("the server already has " + limit + " sessions (limit maxSessions); try again when one expires");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
