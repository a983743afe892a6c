package dev.layerscope.web.protocol;

/** The {@code code} of an {@code error} frame; {@code docs/protocol.md} lists when each is sent. */
public enum ErrorCode {
    MALFORMED("malformed"),
    UNKNOWN_TYPE("unknownType"),
    HELLO_REQUIRED("helloRequired"),
    FORBIDDEN("forbidden"),
    INVALID_FIELD("invalidField"),
    INVALID_CONFIG("invalidConfig"),
    INVALID_STATE("invalidState"),
    RATE_LIMITED("rateLimited"),
    TOO_LARGE("tooLarge"),
    UNSUPPORTED_PROTOCOL("unsupportedProtocol");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
