/**
 * Weight initializers with Keras's formulas and defaults: {@code glorot_uniform} for kernels and
 * {@code zeros} for biases, plus the other variance-scaling family members.
 *
 * <p>An initializer without an explicit seed draws one from {@link dev.tensile.utils.RandomSeed}
 * when it is made, as Keras does, so a program that sets the global seed and builds its models in
 * the same order gets the same weights every run.
 *
 * <p>Uses {@code utils}.
 */
package dev.tensile.initializers;
