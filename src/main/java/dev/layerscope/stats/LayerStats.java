package dev.layerscope.stats;

/**
 * What one dense layer did during one evaluation: the forward signal, the backward signal and the
 * parameters. Layer {@code layerIndex} 0 is the first hidden layer; the output layer comes last.
 * Every field is defined, with its unit, in {@code docs/statistics.md}.
 */
public record LayerStats(
        int layerIndex,
        int fanIn,
        int width,
        String activationName,
        Summary preActivation,
        Summary activation,
        double saturatedFraction,
        double deadFraction,
        Summary weightGradient,
        double weightGradientNorm,
        double biasGradientNorm,
        double activationGradientNorm,
        double weightNorm,
        double updateRatio,
        double predictedVariance,
        UnitSample units) {
}
