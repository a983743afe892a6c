package dev.layerscope.stats;

/**
 * Mean, population standard deviation, extremes and a histogram of a set of values, such as all
 * pre-activations of one layer over the evaluation batch.
 */
public record Summary(long count, double mean, double std, double min, double max, Histogram histogram) {
}
