package dev.layerscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class FeatureScalerTest {

    private static final double TOLERANCE = 1e-12;

    /** Two features over three training samples: column 0 is 1, 2, 3 and column 1 is constant 7. */
    private static final double[] TRAIN = {1, 7, 2, 7, 3, 7};

    @Test
    void standardizeByHand() {
        // Column 0: mean 2, population variance (1 + 0 + 1) / 3 = 2/3, so 3 maps to 1 / sqrt(2/3).
        // Column 1 is constant: its scale stays 1, so values map to value - 7.
        FeatureScaler scaler = FeatureScaler.fit(Scaling.STANDARDIZE, TRAIN, 2, Double.NaN);
        double[] test = {3, 8};

        scaler.applyInPlace(test);

        assertArrayEquals(new double[] {1 / Math.sqrt(2.0 / 3.0), 1}, test, TOLERANCE);
    }

    @Test
    void unitRangeByHand() {
        // Column 0 spans 1..3, so 4 maps to (4 - 1) / 2 = 1.5: test values are not clamped.
        FeatureScaler scaler = FeatureScaler.fit(Scaling.UNIT_RANGE, TRAIN, 2, Double.NaN);
        double[] test = {4, 7};

        scaler.applyInPlace(test);

        assertArrayEquals(new double[] {1.5, 0}, test, TOLERANCE);
    }

    @Test
    void formatMaximumOverridesColumnRange() {
        FeatureScaler scaler = FeatureScaler.fit(Scaling.UNIT_RANGE, TRAIN, 2, 255);
        double[] pixels = {255, 51};

        scaler.applyInPlace(pixels);

        assertArrayEquals(new double[] {1, 0.2}, pixels, TOLERANCE);
    }
}
