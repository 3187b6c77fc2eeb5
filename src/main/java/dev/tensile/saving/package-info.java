/**
 * Keras 3's model files and the one registry of Keras class names.
 *
 * <p>{@link dev.tensile.saving.ModelFiles} reads and writes {@code .keras} archives (the zip of
 * {@code metadata.json}, {@code config.json} and {@code model.weights.h5} that Keras's {@code
 * model.save} writes) and {@code .weights.h5} files, and reads legacy Keras 2 {@code .h5} files;
 * HDF5 goes through jHDF, in pure Java. {@code Sequential.save}, {@code load}, {@code saveWeights}
 * and {@code loadWeights} call it with a {@link dev.tensile.saving.SavedModel}: this package sees
 * layers, optimizers, descriptions and arrays, never a model.
 *
 * <p>{@link dev.tensile.saving.Registry} maps every Keras class name Tensile has to the factory that
 * rebuilds it from its {@link dev.tensile.config.ObjectConfig}, and resolves {@code compile}'s
 * string identifiers. Writes are atomic; reads bound memory by the file's real size and report a
 * bad file with a {@link dev.tensile.saving.ModelFormatException} naming the file, the entry and
 * what was expected.
 */
package dev.tensile.saving;
