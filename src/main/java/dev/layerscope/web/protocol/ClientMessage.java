package dev.layerscope.web.protocol;

/** A message from a browser, parsed and checked by {@link ClientMessages#parse}. */
public sealed interface ClientMessage {

    /** The first message of every connection; {@code ownerKey} is null for viewers. */
    record Hello(int protocolVersion, String ownerKey) implements ClientMessage {
    }

    record Ping() implements ClientMessage {
    }

    record Start() implements ClientMessage {
    }

    record Pause() implements ClientMessage {
    }

    record StepEpoch() implements ClientMessage {
    }

    record StepBatch() implements ClientMessage {
    }

    record Reset() implements ClientMessage {
    }

    record SetLearningRate(double learningRate) implements ClientMessage {
    }

    record SetSpeed(double epochsPerSecond) implements ClientMessage {
    }

    /** {@code configJson} is the configuration object as JSON text, not yet validated. */
    record ApplyConfig(String configJson) implements ClientMessage {
    }
}
