package dev.layerscope.stats;

import dev.layerscope.network.Activation;
import dev.layerscope.network.InitSpec;
import dev.layerscope.network.LayerSpec;
import dev.layerscope.network.Loss;
import dev.layerscope.network.NetworkSpec;
import dev.layerscope.network.WeightInit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VariancePredictionTest {

    private static final double QUADRATURE_TOLERANCE = 1e-9;

    private static NetworkSpec spec(Activation activation, WeightInit kind, boolean batchNorm, Loss loss) {
        List<LayerSpec> layers = List.of(new LayerSpec(100, activation, batchNorm, 0.0), new LayerSpec(50, activation, batchNorm, 0.0));
        return new NetworkSpec(10, layers, 4, loss, InitSpec.of(kind), 0.01);
    }

    @Test
    void linearLayersFollowFanInTimesWeightVariance() {
        double[] predicted = VariancePrediction.predict(spec(Activation.LINEAR, WeightInit.LECUN_NORMAL, false, Loss.MSE), 2.0);

        // LeCun: fanIn * Var(W) = 1, so a linear network keeps the input's second moment 2 in every layer.
        assertEquals(2.0, predicted[0], QUADRATURE_TOLERANCE);
        assertEquals(2.0, predicted[1], QUADRATURE_TOLERANCE);
        assertEquals(2.0, predicted[2], QUADRATURE_TOLERANCE);
    }

    @Test
    void reluWithHeKeepsSecondMoment() {
        double[] predicted = VariancePrediction.predict(spec(Activation.RELU, WeightInit.HE_NORMAL, false, Loss.SOFTMAX_CROSS_ENTROPY), 1.0);

        // Var(z) = fanIn * (2 / fanIn) * 1 = 2; relu(z) has E[a^2] = Var(z) / 2 = 1 and E[a] = sqrt(2) / sqrt(2 pi) = 1 / sqrt(pi),
        // so Var(a) = 1 - 1 / pi, and the next layer again sees E[a^2] = 1.
        assertEquals(1 - 1 / Math.PI, predicted[0], QUADRATURE_TOLERANCE);
        assertEquals(1 - 1 / Math.PI, predicted[1], QUADRATURE_TOLERANCE);
        assertEquals(Double.NaN, predicted[2], "softmax output has no element-wise prediction");
    }

    @Test
    void batchNormFeedsUnitVariance() {
        double[] predicted = VariancePrediction.predict(spec(Activation.LINEAR, WeightInit.NORMAL, true, Loss.MSE), 50.0);

        assertEquals(1.0, predicted[0], QUADRATURE_TOLERANCE);
        assertEquals(1.0, predicted[1], QUADRATURE_TOLERANCE);
    }

    @Test
    void zeroWeightsPredictZeroVariance() {
        double[] predicted = VariancePrediction.predict(spec(Activation.TANH, WeightInit.ZEROS, false, Loss.MSE), 1.0);

        assertEquals(0.0, predicted[0], 0.0);
        assertEquals(0.0, predicted[1], 0.0);
    }
}
