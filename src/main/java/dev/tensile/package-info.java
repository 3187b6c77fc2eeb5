/**
 * Tensile: Keras-style neural networks for Java.
 *
 * <p>A user builds a {@code dev.tensile.models.Sequential} model from layers ({@code Dense},
 * {@code Flatten}, {@code Activation}, {@code Dropout}), compiles it with an optimizer, a loss and
 * metrics, and trains it with {@code fit} on {@link dev.tensile.tensor.Tensor}s. Every matrix
 * product of a training step goes through one small interface, {@link
 * dev.tensile.engine.MatrixEngine}, so the arithmetic engine (EJML, or the Java Vector API where
 * the JVM has it) can change without touching the layers.
 *
 * <p>Packages, each using only those of its level or below (docs/architecture.md draws them): 1
 * {@code tensor} (the float32 n-dimensional array), {@code engine} (matrix products), {@code
 * utils} (progress bar, summary table, random numbers) and {@code internal} (not API); 2 {@code
 * activations}, {@code initializers}, {@code losses}, {@code metrics}; 3 {@code layers}, {@code
 * optimizers}; 4 {@code saving}; 5 {@code callbacks} (including {@code History}); 6 {@code
 * models} ({@code Sequential}, its options and training loop); and {@code datasets} (IDX files,
 * Fashion-MNIST), which uses level 1 only.
 */
package dev.tensile;
