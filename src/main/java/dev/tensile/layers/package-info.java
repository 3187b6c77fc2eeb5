/**
 * Layers: {@link dev.tensile.layers.Input}, {@link dev.tensile.layers.Dense}, {@link
 * dev.tensile.layers.Flatten}, {@link dev.tensile.layers.Activation} and {@link
 * dev.tensile.layers.Dropout}, on the base class {@link dev.tensile.layers.Layer}.
 *
 * <p>Lifecycle (see {@link dev.tensile.layers.Layer}): construct with hyperparameters only, {@code
 * build(inputShape)} makes the weights, the protected {@code forward(x, batch, training)} computes
 * the output into a buffer the layer owns, and the protected {@code backward(dY, batch)} returns
 * the input gradient and fills the weights' gradients, using only what forward kept. The model
 * calls the batch methods; docs/extending.md shows how to write a layer. A layer belongs to one
 * model and is not thread-safe.
 *
 * <p>Uses {@code activations}, {@code engine}, {@code initializers}, {@code internal}, {@code
 * tensor} and {@code utils}.
 */
package dev.tensile.layers;
