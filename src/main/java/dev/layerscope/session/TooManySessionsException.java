package dev.layerscope.session;

/**
 * Raised when creating a session would pass one of the server's limits on sessions: {@code maxSessions}
 * for the whole server, or {@code maxSessionsPerClient} for the client address asking.
 */
public final class TooManySessionsException extends RuntimeException {

    private final String limitName;
    private final int limit;

    private TooManySessionsException(String limitName, int limit, String message) {
        super(message);
        this.limitName = limitName;
        this.limit = limit;
    }

    static TooManySessionsException onServer(int limit) {
        return new TooManySessionsException("maxSessions", limit,
                "the server already has " + limit + " sessions (limit maxSessions); try again when one expires");
    }

    static TooManySessionsException forClient(int limit) {
        return new TooManySessionsException("maxSessionsPerClient", limit,
                "this client address already owns " + limit + " sessions (limit maxSessionsPerClient); "
                        + "try again when an unused one expires");
    }

    /** Returns the name of the limit reached: {@code maxSessions} or {@code maxSessionsPerClient}. */
    public String limitName() {
        return limitName;
    }

    public int limit() {
        return limit;
    }

    /** Returns whether the limit reached is the per-client one rather than the server's. */
    public boolean perClient() {
        return limitName.equals("maxSessionsPerClient");
    }
}
