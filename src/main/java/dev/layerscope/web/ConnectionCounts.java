package dev.layerscope.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Open WebSocket connections by client address, kept within a limit per address. */
final class ConnectionCounts {

    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    /** Counts one more connection for {@code address} and returns true, or returns false when it has {@code limit} already. */
    boolean tryOpen(String address, int limit) {
        boolean[] opened = {false};
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limit) {
                return count;
            }
            opened[0] = true;
            return current + 1;
        });
        return opened[0];
    }

    /** Counts one connection fewer for {@code address}. */
    void close(String address) {
        open.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
    }
}
