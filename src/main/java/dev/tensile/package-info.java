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
 * <p>Packages: {@code tensor} (the float32 n-dimensional array), {@code engine} (matrix products),
 * {@code activations}, {@code initializers}, {@code layers}, {@code losses}, {@code metrics}, {@code
 * optimizers}, {@code models} (Sequential, History, summary), {@code callbacks}, {@code datasets}
 * (IDX files, Fashion-MNIST), {@code saving} and {@code utils} (progress bar, random numbers).
 */
package dev.tensile;
