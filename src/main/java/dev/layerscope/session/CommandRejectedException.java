package dev.layerscope.session;

import dev.layerscope.config.FieldError;

/** Raised when an owner command does not apply: the session is left unchanged. */
public final class CommandRejectedException extends RuntimeException {

    /** The kind of rejection. */
    public enum Reason { INVALID_STATE, INVALID_FIELD }

    private final Reason reason;
    private final FieldError error;

    public CommandRejectedException(Reason reason, String message, String field, String value, String allowed) {
        super(message);
        this.reason = reason;
        this.error = new FieldError(field, value, allowed);
    }

    public Reason reason() {
        return reason;
    }

    /** Returns the field that made the command inapplicable, its value and what is allowed. */
    public FieldError error() {
        return error;
    }
}
