package dev.layerscope.web;

/** WebSocket close codes the server uses; {@code docs/protocol.md} lists them for clients. */
final class CloseCodes {

    static final int NORMAL = 1000;
    static final int GOING_AWAY = 1001;
    static final int UNSUPPORTED_PROTOCOL = 4400;
    static final int SESSION_NOT_FOUND = 4404;
    static final int HELLO_TIMEOUT = 4408;
    static final int TOO_MANY_VIEWERS = 4429;
    static final int TOO_SLOW = 4503;

    private CloseCodes() {
    }
}
