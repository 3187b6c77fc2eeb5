/**
 * Metrics accumulated over an epoch as Keras accumulates them: a running mean of per-sample
 * values ({@link dev.tensile.metrics.MeanMetric}), reset at each epoch and each evaluate. {@link
 * dev.tensile.metrics.Metrics} resolves {@code "accuracy"} to the binary, sparse or categorical
 * form from the shapes, as Keras does; a {@link dev.tensile.metrics.Metric} object can be passed to
 * {@code compile} directly.
 *
 * <p>Uses nothing else in Tensile.
 */
package dev.tensile.metrics;
