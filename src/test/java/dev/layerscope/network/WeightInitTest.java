package dev.layerscope.network;

import dev.layerscope.math.NativeArray;
import dev.layerscope.math.NativeArray;
import dev.layerscope.math.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sample mean and variance of each initializer against its formula. With n draws of variance s^2, the
 * sample mean has standard error s / sqrt(n), and the sample variance standard error
 * sqrt((m4 - s^4) / n), where the fourth central moment m4 is 3 s^4 for a normal and 9 s^4 / 5 for a
 * uniform distribution. The tolerance is 5 standard errors: a correct initializer fails about once in
 * 1.7 million runs, and the draws are seeded anyway.
 */
class WeightInitTest {

    private static final int FAN_IN = 200;
    private static final int FAN_OUT = 300;
    private static final double STANDARD_ERRORS = 5.0;

    private static double[] draw(WeightInit kind, InitSpec spec) {
        NativeArray weights = new NativeArray(FAN_IN * FAN_OUT);
        kind.fill(weights, FAN_IN, FAN_OUT, spec, new RandomStream(99));
        return weights.toArray();
    }

    private static double[] orthogonal(int rows, int columns, long seed) {
        NativeArray weights = new NativeArray(rows * columns);
        WeightInit.ORTHOGONAL.fill(weights, columns, rows, InitSpec.of(WeightInit.ORTHOGONAL), new RandomStream(seed));
        return weights.toArray();
    }

    private static double expectedVariance(WeightInit kind, InitSpec spec) {
        double gainSquared = spec.gain() * spec.gain();
        return gainSquared * switch (kind) {
            case NORMAL -> spec.sigma() * spec.sigma();
            case UNIFORM -> spec.limit() * spec.limit() / 3;
            case ZEROS -> 0.0;
            case GLOROT_NORMAL -> 2.0 / (FAN_IN + FAN_OUT);
            case GLOROT_UNIFORM -> Math.pow(Math.sqrt(6.0 / (FAN_IN + FAN_OUT)), 2) / 3;
            case HE_NORMAL -> 2.0 / FAN_IN;
            case HE_UNIFORM -> Math.pow(Math.sqrt(6.0 / FAN_IN), 2) / 3;
            case LECUN_NORMAL -> 1.0 / FAN_IN;
            case LECUN_UNIFORM -> Math.pow(Math.sqrt(3.0 / FAN_IN), 2) / 3;
            case ORTHOGONAL -> 1.0 / Math.max(FAN_IN, FAN_OUT);
        };
    }

    @ParameterizedTest
    @EnumSource(WeightInit.class)
    void sampleMomentsMatchFormula(WeightInit kind) {
        InitSpec spec = new InitSpec(kind, 0.7, 0.3, 1.5, 0.0);
        double[] weights = draw(kind, spec);
        int n = weights.length;

        double mean = 0;
        for (double w : weights) {
            mean += w;
        }
        mean /= n;
        double variance = 0;
        for (double w : weights) {
            variance += (w - mean) * (w - mean);
        }
        variance /= n - 1;

        double expected = expectedVariance(kind, spec);
        boolean uniform = kind.name().endsWith("UNIFORM");
        double fourthMoment = (uniform ? 9.0 / 5.0 : 3.0) * expected * expected;
        double meanTolerance = STANDARD_ERRORS * Math.sqrt(expected / n);
        double varianceTolerance = STANDARD_ERRORS * Math.sqrt((fourthMoment - expected * expected) / n);
        assertEquals(0.0, mean, meanTolerance, kind + " mean");
        assertEquals(expected, variance, varianceTolerance, kind + " variance");
        assertEquals(expected, kind.variance(FAN_IN, FAN_OUT, spec), 1e-15, kind + " variance formula");
    }

    @Test
    void uniformStaysWithinLimit() {
        InitSpec spec = new InitSpec(WeightInit.UNIFORM, 1.0, 0.3, 2.0, 0.0);

        for (double w : draw(WeightInit.UNIFORM, spec)) {
            assertEquals(0.0, w, 0.6, "gain 2 times limit 0.3");
        }
    }

    @Test
    void orthogonalRowsAreOrthonormal() {
        int rows = 20;
        int columns = 50;
        double[] weights = orthogonal(rows, columns, 3);

        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                double dot = 0;
                for (int k = 0; k < columns; k++) {
                    dot += weights[i * columns + k] * weights[j * columns + k];
                }
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-12, "row " + i + " . row " + j);
            }
        }
    }

    @Test
    void orthogonalColumnsAreOrthonormalWhenTall() {
        int rows = 40;
        int columns = 10;
        double[] weights = orthogonal(rows, columns, 4);

        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < columns; j++) {
                double dot = 0;
                for (int k = 0; k < rows; k++) {
                    dot += weights[k * columns + i] * weights[k * columns + j];
                }
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-12, "column " + i + " . column " + j);
            }
        }
    }

    @Test
    void networkAppliesBiasValue() {
        InitSpec init = new InitSpec(WeightInit.ZEROS, 1.0, 1.0, 1.0, 0.25);
        NetworkSpec spec = new NetworkSpec(3, java.util.List.of(new LayerSpec(4, Activation.TANH, false, 0.0)), 2,
                Loss.MSE, init, 0.01);

        Network network = new Network(spec, 1, new RandomStream(1), new RandomStream(2));

        for (DenseLayer layer : network.layers()) {
            for (double b : layer.bias().toArray()) {
                assertEquals(0.25, b, 0.0);
            }
            for (double w : layer.weights().toArray()) {
                assertEquals(0.0, w, 0.0);
            }
        }
    }
}
