/**
 * Datasets: the shared {@link dev.layerscope.data.Dataset} and {@link dev.layerscope.data.Split}
 * records, the {@link dev.layerscope.data.Datasets} registry that builds a dataset from a
 * {@link dev.layerscope.data.DataSpec}, the synthetic two-dimensional sets, the real datasets bundled
 * under {@code /datasets/} ({@link dev.layerscope.data.BundledDatasets}), the IDX and CSV readers,
 * validation of uploaded CSV files ({@link dev.layerscope.data.CsvDatasets}) and feature scaling
 * fitted on the training split ({@link dev.layerscope.data.FeatureScaler}).
 */
package dev.layerscope.data;
