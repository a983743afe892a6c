package dev.layerscope.session;

import java.util.Locale;

/** The training state of a session, written in lower case on the wire. */
public enum Status {
    /** Built, nothing trained since creation, reset or a new configuration. */
    READY,
    /** Training, either freely or through one requested epoch or step. */
    RUNNING,
    /** Stopped by the owner, or after a requested epoch or step. */
    PAUSED,
    /** Reached the configured number of epochs. */
    FINISHED,
    /** Stopped because a value became non-finite or too large; only reset or a new configuration helps. */
    DIVERGED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
