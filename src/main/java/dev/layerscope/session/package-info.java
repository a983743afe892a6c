/**
 * Live training sessions: each session owns one trainer, its state machine, pending owner commands
 * and the history of statistics. Sessions train on a shared bounded pool, one slice at a time, so
 * many sessions progress together. This package imports neither Javalin nor Jackson.
 */
package dev.layerscope.session;
