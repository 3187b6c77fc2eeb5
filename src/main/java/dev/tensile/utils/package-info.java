/**
 * Utilities shared by the rest of Tensile: reproducible random numbers ({@link
 * dev.tensile.utils.Rng}, {@link dev.tensile.utils.RandomSeed}), Keras's progress bar ({@link
 * dev.tensile.utils.ProgressBar}) and summary table ({@link dev.tensile.utils.SummaryTable}),
 * Python-exact number formatting ({@link dev.tensile.utils.Formats}) and facts about standard
 * output ({@link dev.tensile.utils.Terminal}).
 *
 * <p>Uses {@code tensor}.
 */
package dev.tensile.utils;
