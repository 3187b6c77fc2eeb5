/**
 * Matrix products, the one place where a training step spends most of its time.
 *
 * <p>{@link dev.tensile.engine.MatrixEngine} is the interface every layer calls; {@link
 * dev.tensile.engine.EjmlEngine} implements it portably with EJML on the same arrays (no copies),
 * and a Java Vector API engine takes over when the JVM was started with {@code
 * --add-modules=jdk.incubator.vector}. {@link dev.tensile.engine.Engines} chooses between them.
 *
 * <p>Uses {@code internal} only.
 */
package dev.tensile.engine;
