/**
 * Saving and loading models: {@link dev.tensile.saving.ModelFiles} (also reached through {@code
 * Sequential.save}, {@code Sequential.load}, {@code saveWeights} and {@code loadWeights}) and
 * {@link dev.tensile.saving.ModelFormatException} for files that cannot be loaded.
 *
 * <p>The format is open: a zip archive of {@code metadata.json}, {@code config.json} (JSON, read
 * and written with Gson) and one NumPy {@code .npy} entry per variable, laid out like Keras's
 * {@code .keras} files, so that NumPy reads the weights directly. Writes are atomic (a temporary
 * file renamed over the target) and reads check every entry.
 */
package dev.tensile.saving;
