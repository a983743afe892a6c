package dev.layerscope.web.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * The network's predictions on a classification dataset: for two features a decision grid (row-major,
     * row 0 at {@code yMin}; confidence rounded to 3 decimals) and held-out points, for images held-out
     * sample images. The parts that do not apply are left out.
     */
    @JsonTypeName("prediction")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Prediction(int epoch, long step, Boundary boundary, Points points, Samples samples,
                      List<String> classNames) implements ServerMessage {
    }

    record Boundary(double xMin, double xMax, double yMin, double yMax, int columns, int rows, int[] predicted,
                    double[] confidence) {
    }

    record Points(double[] x, double[] y, int[] label, int[] predicted) {
    }

    /**
     * Held-out images: {@code pixels} contains one base64 string per image, {@code imageShape[0] x imageShape[1]}
     * grey levels 0 to 255, row-major; {@code confidence} is the predicted class's probability, rounded to 3 decimals.
     */
    record Samples(int[] imageShape, List<String> pixels, int[] label, int[] predicted, double[] confidence) {
    }

    @JsonTypeName("detail")
    record Detail(int epoch, long step, boolean done, List<JsonNode> layers) implements ServerMessage {
    }
}
