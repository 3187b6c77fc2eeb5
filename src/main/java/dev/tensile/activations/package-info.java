/**
 * Activation functions, each with its forward formula and derivative side by side.
 *
 * <p>Every derivative here is written in terms of the activation's output, so layers keep only
 * their output for the backward pass and both passes may run in place. {@link
 * dev.tensile.activations.Activations} resolves Keras's string names.
 *
 * <p>Uses nothing else in Tensile.
 */
package dev.tensile.activations;
