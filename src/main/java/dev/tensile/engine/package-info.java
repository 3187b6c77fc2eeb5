/**
 * The arithmetic of a training step: matrix products and the element-wise passes around them.
 *
 * <p>{@link dev.tensile.engine.MatrixEngine} is the interface every layer calls for products;
 * {@link dev.tensile.engine.EjmlEngine} implements it portably with EJML on the same arrays (no
 * copies), and a Java Vector API engine takes over when the JVM was started with {@code
 * --add-modules=jdk.incubator.vector}. {@link dev.tensile.engine.Engines} chooses between them.
 * Each engine hands out its {@link dev.tensile.engine.Elementwise} kernels (optimizer updates,
 * clipping, activations, bias addition, column sums, the loss gradient): the portable {@link
 * dev.tensile.engine.ScalarElementwise} loops with EJML, Vector API ones with the fast engine, so
 * forcing an engine forces its kernels too.
 *
 * <p>Uses {@code internal} only.
 */
package dev.tensile.engine;
