package dev.layerscope.session;

/** The statuses in which each owner command applies; each check throws {@link CommandRejectedException} naming the status. */
final class StatusRules {

    private StatusRules() {
    }

    static void requireTrainable(SessionState state, String command) {
        requireNotDiverged(state, command);
        if (state.status() == Status.FINISHED) {
            throw invalidState(state, command, "the session finished its " + state.epoch()
                    + " epochs; reset it or apply a configuration with more epochs");
        }
    }

    static void requireStoppedAndTrainable(SessionState state, String command) {
        requireTrainable(state, command);
        if (state.status() == Status.RUNNING) {
            throw invalidState(state, command, "the session is running; pause it first");
        }
    }

    static void requireNotDiverged(SessionState state, String command) {
        if (state.status() == Status.DIVERGED) {
            throw invalidState(state, command, "the session diverged; reset it or apply a new configuration");
        }
    }

    /** Returns the rejection of a fork whose source diverged. The HTTP API returns it as a 409. */
    static CommandRejectedException divergedFork() {
        return new CommandRejectedException(CommandRejectedException.Reason.INVALID_STATE,
                "a diverged session cannot be forked; fork it before it diverges or reset it",
                "status", "diverged", "ready, running, paused or finished");
    }

    static CommandRejectedException invalidState(SessionState state, String command, String message) {
        return new CommandRejectedException(CommandRejectedException.Reason.INVALID_STATE,
                command + " rejected: " + message, "status", state.status().toString(), allowedStatuses(command));
    }

    private static String allowedStatuses(String command) {
        return switch (command) {
            case "pause" -> "running";
            case "start" -> "ready, paused or running";
            case "setLearningRate" -> "any status except diverged";
            default -> "ready or paused";
        };
    }
}
