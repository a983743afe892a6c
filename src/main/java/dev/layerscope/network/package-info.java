/**
 * The network: dense layers with their activation functions, weight initializers, optional batch
 * normalization and dropout, and the output loss. Forward and backward passes work on preallocated
 * row-major buffers, one row per sample, so a training step allocates nothing.
 */
package dev.layerscope.network;
