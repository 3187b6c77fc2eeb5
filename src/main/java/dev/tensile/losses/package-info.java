/**
 * Losses: the three crossentropies with Keras's semantics (probability clipping to {@code [1e-7, 1
 * - 1e-7]}, {@code fromLogits}, mean over the batch), resolved from Keras's string names by {@link
 * dev.tensile.losses.Losses}. A loss of your own implements {@link dev.tensile.losses.Loss}.
 *
 * <p>Uses {@code activations} and {@code tensor}.
 */
package dev.tensile.losses;
