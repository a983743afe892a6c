package dev.layerscope.data;

import java.io.IOException;

/** Raised when a file is not a valid IDX file; the message names the file and what is wrong. */
public final class IdxFormatException extends IOException {

    public IdxFormatException(String message) {
        super(message);
    }

    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
