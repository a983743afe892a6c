package dev.layerscope.web.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configured Jackson mapper of the server. Enums are written with {@code toString()} (the
 * session states are lower case), and NaN and the infinities are written as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (Jackson's default), which
 * {@code JSON.parse} accepts. Doubles are written with Jackson's fast writer (the Schubfach algorithm)
 * instead of Java 17's {@code Double.toString}, which took most of the time of encoding the frames of a
 * 65-layer network in a profile. Both write decimals that parse back to the same double. Reading rejects duplicate keys, as the configuration reader does, so
 * that a message such as {@code {"type":"start","type":"pause"}} is not silently taken as its last key.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** Serialises a value that the server built itself, so a failure is a programming error. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
