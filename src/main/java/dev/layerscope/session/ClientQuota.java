package dev.layerscope.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the live sessions each client owns and rejects one more beyond the limit, so that one
 * browser or script cannot take every session the server allows. A client is whatever string the
 * web layer identifies it by (its address).
 */
final class ClientQuota {

    private final int limit;
    private final Map<String, Integer> owned = new ConcurrentHashMap<>();

    ClientQuota(int limit) {
        this.limit = limit;
    }

    /** Counts one more session for {@code client}; throws {@link TooManySessionsException} at the limit. */
    void reserve(String client) {
        owned.compute(client, (key, count) -> {
            int next = count == null ? 1 : count + 1;
            if (next > limit) {
                throw TooManySessionsException.forClient(limit);
            }
            return next;
        });
    }

    /** Counts one session fewer for {@code client}. */
    void release(String client) {
        owned.computeIfPresent(client, (key, count) -> count == 1 ? null : count - 1);
    }

    /** Returns the sessions {@code client} owns now. */
    int owned(String client) {
        return owned.getOrDefault(client, 0);
    }

    /** Returns how many clients own at least one session. */
    int clients() {
        return owned.size();
    }
}
