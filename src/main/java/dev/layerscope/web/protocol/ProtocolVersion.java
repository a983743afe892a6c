package dev.layerscope.web.protocol;

/** The live protocol's version; it changes whenever a message changes in a way a page could misread. */
public final class ProtocolVersion {

    public static final int CURRENT = 1;

    private ProtocolVersion() {
    }
}
