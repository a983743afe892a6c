package dev.layerscope.web.protocol;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.config.FieldError;
import dev.layerscope.session.SessionState;

import java.util.List;

/** A frame from the server; each serialises to one JSON object whose {@code type} is its name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface ServerMessage {

    /** The first frame after {@code hello}; {@code role} is {@code owner} or {@code viewer}. */
    @JsonTypeName("welcome")
    record Welcome(int protocolVersion, String sessionId, String role, JsonNode config, SessionState state,
                   int viewerCount) implements ServerMessage {
    }

    @JsonTypeName("state")
    record State(SessionState state) implements ServerMessage {
    }

    @JsonTypeName("viewerCount")
    record ViewerCount(int viewerCount) implements ServerMessage {
    }

    @JsonTypeName("batch")
    record Batch(long step, int epoch, double batchLoss) implements ServerMessage {
    }

    @JsonTypeName("reset")
    record Reset(JsonNode config, SessionState state) implements ServerMessage {
    }

    @JsonTypeName("pong")
    record Pong() implements ServerMessage {
    }

    /** {@code errors} lists every invalid field of a configuration, and is empty otherwise. */
    @JsonTypeName("error")
    record Error(ErrorCode code, String command, String error, String field, String value, String allowed,
                 List<FieldError> errors) implements ServerMessage {

        public Error {
            errors = List.copyOf(errors);
        }
    }

    /** {@code stats} is an {@code EpochStats} without heavy parts (see {@link StatsFrames}). */
    @JsonTypeName("epoch")
    record Epoch(JsonNode stats) implements ServerMessage {
    }

    @JsonTypeName("history")
    record History(List<JsonNode> epochs, boolean done) implements ServerMessage {
    }

    @JsonTypeName("detail")
    record Detail(int epoch, long step, boolean done, List<JsonNode> layers) implements ServerMessage {
    }
}
