/**
 * Metrics accumulated over an epoch as Keras accumulates them: a running mean of per-sample
 * values, reset at each epoch and each evaluate. {@link dev.tensile.metrics.Metrics} resolves
 * {@code "accuracy"} to the binary, sparse or categorical form from the shapes, as Keras does.
 */
package dev.tensile.metrics;
