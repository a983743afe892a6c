/**
 * Datasets: the shared {@link dev.layerscope.data.Dataset} and {@link dev.layerscope.data.Split}
 * records, the {@link dev.layerscope.data.Datasets} registry that builds a dataset from a
 * {@link dev.layerscope.data.DataSpec}, and the synthetic two-dimensional sets.
 */
package dev.layerscope.data;
