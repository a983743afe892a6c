package dev.layerscope.web.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.layerscope.stats.EpochStats;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serializes statistics snapshots as one-line JSON. JSON has no NaN or infinity, so non-finite numbers
 * are written as {@code null} (a statistic that does not apply, such as the dead fraction of a sigmoid
 * layer, is NaN in Java and null in JSON).
 */
public final class StatsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(nonFiniteAsNull());

    private StatsJson() {
    }

    /** Returns {@code stats} as one line of JSON, without a line break. */
    public static String toLine(EpochStats stats) {
        try {
            return MAPPER.writeValueAsString(stats);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not serialize statistics of epoch " + stats.epoch(), e);
        }
    }

    /** Returns the mapper used for statistics, for readers that need the same settings. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    private static SimpleModule nonFiniteAsNull() {
        JsonSerializer<Double> serializer = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                if (value == null || !Double.isFinite(value)) {
                    generator.writeNull();
                } else {
                    generator.writeNumber(value);
                }
            }
        };
        JsonSerializer<double[]> arraySerializer = new JsonSerializer<>() {
            @Override
            public void serialize(double[] values, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeStartArray();
                for (double value : values) {
                    serializer.serialize(value, generator, provider);
                }
                generator.writeEndArray();
            }
        };
        SimpleModule module = new SimpleModule("non-finite-as-null");
        module.addSerializer(Double.class, serializer);
        module.addSerializer(double.class, serializer);
        module.addSerializer(double[].class, arraySerializer);
        return module;
    }
}
