/**
 * The Java Vector API matrix engine, used when the JVM runs with {@code
 * --add-modules=jdk.incubator.vector}.
 *
 * <p>{@link dev.tensile.engine.vector.VectorEngine} is the only public type; {@link
 * dev.tensile.engine.Engines} loads it by name, so nothing outside this package needs the
 * incubator module to compile or run.
 */
package dev.tensile.engine.vector;
