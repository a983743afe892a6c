package dev.layerscope.config;

/**
 * Scope of the statistics.
 *
 * @param evalSamples   size of the fixed evaluation batch drawn from the training split
 * @param histogramBins bins of every histogram
 * @param everySteps    also take statistics every this many steps; 0 means at the end of each epoch only
 * @param unitSample    at most this many units per layer get per-unit values
 */
public record StatsConfig(int evalSamples, int histogramBins, int everySteps, int unitSample) {

    public static final StatsConfig DEFAULTS = new StatsConfig(256, 30, 0, 32);

    public StatsConfig {
        Limits.EVAL_SAMPLES.require(evalSamples, true);
        Limits.HISTOGRAM_BINS.require(histogramBins, true);
        Limits.EVERY_STEPS.require(everySteps, true);
        Limits.UNIT_SAMPLE.require(unitSample, true);
    }
}
