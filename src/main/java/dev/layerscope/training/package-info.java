/**
 * Training: the {@link dev.layerscope.training.Trainer} loop (shuffle, forward, loss, backward, weight
 * decay, clipping, optimizer step, divergence check, statistics), optimizers, learning-rate schedules,
 * and saved trainer state for pausing and resuming.
 */
package dev.layerscope.training;
