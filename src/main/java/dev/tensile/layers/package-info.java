/**
 * Layers: {@link dev.tensile.layers.Input}, {@link dev.tensile.layers.Dense}, {@link
 * dev.tensile.layers.Flatten}, {@link dev.tensile.layers.Activation} and {@link
 * dev.tensile.layers.Dropout}.
 *
 * <p>Lifecycle (see {@link dev.tensile.layers.Layer}): construct with hyperparameters only, {@code
 * build(inputShape)} makes the weights, {@code forward(x, batch, training)} computes the output
 * into a buffer the layer owns, and {@code backward(dY, batch)} returns the input gradient and
 * fills the weights' gradients, using only what forward kept.
 */
package dev.tensile.layers;
