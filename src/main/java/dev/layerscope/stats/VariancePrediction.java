package dev.layerscope.stats;

import dev.layerscope.network.Activation;
import dev.layerscope.network.InitSpec;
import dev.layerscope.network.LayerSpec;
import dev.layerscope.network.Loss;
import dev.layerscope.network.NetworkSpec;

import java.util.List;

/**
 * The activation variance that the initialization analysis of Glorot and Bengio (2010) and He et al.
 * (2015) predicts, layer after layer, from the input's second moment q0 = E[x^2]:
 * <pre>
 *   Var(z_l) = fanIn * Var(W_l) * q_(l-1)      (zero-mean independent weights; batch norm sets it to 1)
 *   E[z_l]   = initial bias                    (0 with batch norm)
 *   q_l      = E[f(z_l)^2],  predicted Var(a_l) = E[f(z_l)^2] - E[f(z_l)]^2   for z_l ~ N(E[z_l], Var(z_l))
 * </pre>
 * The ratio q_l / Var(z_l) is the activation's gain: 1/2 for ReLU, about 1 for tanh at small variance.
 * The expectations are integrated numerically (Simpson's rule over +-10 standard deviations), so the
 * prediction needs no closed form per activation.
 */
public final class VariancePrediction {

    private static final int INTERVALS = 2000;
    private static final double SPAN = 10.0;

    private VariancePrediction() {
    }

    /**
     * Returns one predicted activation variance per layer (hidden layers, then the output layer). The
     * output layer's activation is z itself for MSE; for softmax, which is not element-wise, it is NaN.
     */
    public static double[] predict(NetworkSpec spec, double inputSecondMoment) {
        List<LayerSpec> hidden = spec.hiddenLayers();
        InitSpec init = spec.init();
        double[] predicted = new double[hidden.size() + 1];
        double secondMoment = inputSecondMoment;
        int fanIn = spec.inputCount();
        for (int l = 0; l < hidden.size(); l++) {
            LayerSpec layer = hidden.get(l);
            double weightVariance = init.kind().variance(fanIn, layer.width(), init);
            double variance = layer.batchNorm() ? 1.0 : fanIn * weightVariance * secondMoment;
            double mean = layer.batchNorm() ? 0.0 : init.bias();
            double[] moments = moments(layer.activation(), spec.leakySlope(), mean, variance);
            predicted[l] = moments[1] - moments[0] * moments[0];
            secondMoment = moments[1];
            fanIn = layer.width();
        }
        double outputVariance = fanIn * init.kind().variance(fanIn, spec.outputCount(), init) * secondMoment;
        predicted[hidden.size()] = spec.loss() == Loss.MSE ? outputVariance : Double.NaN;
        return predicted;
    }

    /** Returns {E[f(z)], E[f(z)^2]} for z ~ N(mean, variance). */
    static double[] moments(Activation activation, double slope, double mean, double variance) {
        double std = Math.sqrt(variance);
        if (std == 0) {
            double value = activation.value(mean, slope);
            return new double[] {value, value * value};
        }
        double step = 2 * SPAN / INTERVALS;
        double first = 0;
        double second = 0;
        for (int i = 0; i <= INTERVALS; i++) {
            double t = -SPAN + i * step;
            double weight = (i == 0 || i == INTERVALS) ? 1 : (i % 2 == 1 ? 4 : 2);
            double density = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
            double value = activation.value(mean + std * t, slope);
            first += weight * density * value;
            second += weight * density * value * value;
        }
        return new double[] {first * step / 3, second * step / 3};
    }
}
