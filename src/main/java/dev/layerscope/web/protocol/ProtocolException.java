package dev.layerscope.web.protocol;

import dev.layerscope.config.FieldError;

/** Raised for a client message that breaks the protocol; becomes an {@code error} frame with its code. */
public final class ProtocolException extends RuntimeException {

    private final ErrorCode code;
    private final FieldError error;

    public ProtocolException(ErrorCode code, String message, String field, String value, String allowed) {
        super(message);
        this.code = code;
        this.error = new FieldError(field, value, allowed);
    }

    public ErrorCode code() {
        return code;
    }

    /** Returns the offending field of the message, its value (shortened) and what is allowed. */
    public FieldError error() {
        return error;
    }
}
