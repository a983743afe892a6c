/**
 * The statistics schema ({@link dev.layerscope.stats.EpochStats} and the records it contains), shared by
 * headless JSON Lines, the server protocol and the page, and the computations that fill it from arrays:
 * summaries and histograms, dead and saturated fractions, per-unit samples, and the variance that the
 * initialization formula predicts. Every field is defined, with its unit, in docs/statistics.md.
 */
package dev.layerscope.stats;
