package dev.tensile.saving;

import dev.tensile.models.Sequential;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Saves and loads models, Keras's {@code model.save} / {@code keras.models.load_model} and {@code
 * save_weights} / {@code load_weights}; {@link Sequential}'s methods of the same names call these.
 *
 * <p>A model file is one zip archive holding {@code metadata.json}, {@code config.json} (the layers
 * and compile settings) and every variable as a NumPy {@code .npy} entry: the weights, each
 * Dropout's generator state and the optimizer's step count, learning rate and state. A loaded model
 * predicts bit for bit as the saved one did, and {@code fit(..., new
 * FitOptions().initialEpoch(e).seed(s))} continues training exactly as an uninterrupted run with
 * seed {@code s} would have. A weights file holds the weights alone. The layout is described in the
 * project's {@code docs/saving.md}.
 *
 * <p>Files are written atomically: a failed save leaves the previous file as it was. Loading checks
 * everything it reads and reports a bad file with a {@link ModelFormatException} naming the file
 * and the problem.
 */
public final class ModelFiles {
  private ModelFiles() {}

  /**
   * Saves a model: architecture, weights, compile settings and optimizer state, in one file.
   *
   * @param model the model; it need not be built or compiled
   * @param path the file to create or replace, e.g. {@code model.tensile}
   * @throws IllegalArgumentException if the model has a layer, activation, initializer, optimizer
   *     or loss the format does not know; nothing is written then
   * @throws IOException if writing fails; a previous file at {@code path} is unchanged then
   */
  public static void save(Sequential model, Path path) throws IOException {
    save(model, path, UnaryOperator.identity());
  }

  /** Saves a model through a stream decorator, the seam tests use to fail mid-write. */
  static void save(Sequential model, Path path, UnaryOperator<OutputStream> wrap)
      throws IOException {
    Instant now = Instant.now();
    ArchiveWriter archive = new ArchiveWriter(now.toEpochMilli());
    archive.add(Metadata.ENTRY, Metadata.of(Metadata.MODEL, null, now));
    archive.add(ModelConfig.ENTRY, ModelConfig.toJson(model));
    VariableEntries.writeWeights(model, archive);
    VariableEntries.writeGenerators(model, archive);
    if (model.isCompiled()) {
      VariableEntries.writeOptimizer(model, archive);
    }
    AtomicFile.write(path, wrap, archive::writeTo);
  }

  /**
   * Loads a model saved by {@link #save(Sequential, Path)}: built, compiled and with its
   * optimizer's state if it had them.
   *
   * @param path the file
   * @return the model
   * @throws ModelFormatException if the file is not a Tensile model file, is corrupt, comes from a
   *     newer format version or holds a weights file's content only
   * @throws IOException if reading fails
   */
  public static Sequential load(Path path) throws IOException {
    try (ArchiveReader archive = ArchiveReader.open(path)) {
      JsonFields metadata = Metadata.read(archive);
      if (!metadata.string("content").equals(Metadata.MODEL)) {
        throw archive.problem(
            "it holds weights only (saved by saveWeights); build the model and call "
                + "loadWeights instead");
      }
      Sequential model = ModelConfig.read(archive);
      if (model.isBuilt()) {
        VariableEntries.readWeights(archive, VariableEntries.layerNames(model), model);
      }
      VariableEntries.readGenerators(archive, model);
      if (model.isCompiled()) {
        VariableEntries.readOptimizer(archive, model);
      }
      return model;
    }
  }

  /**
   * Saves a built model's weights alone.
   *
   * @param model a built model
   * @param path the file to create or replace, e.g. {@code model.weights.tensile}
   * @throws IllegalStateException if the model is not built
   * @throws IOException if writing fails; a previous file at {@code path} is unchanged then
   */
  public static void saveWeights(Sequential model, Path path) throws IOException {
    saveWeights(model, path, UnaryOperator.identity());
  }

  /** Saves weights through a stream decorator, the seam tests use to fail mid-write. */
  static void saveWeights(Sequential model, Path path, UnaryOperator<OutputStream> wrap)
      throws IOException {
    requireBuilt(model, "saveWeights");
    Instant now = Instant.now();
    ArchiveWriter archive = new ArchiveWriter(now.toEpochMilli());
    archive.add(
        Metadata.ENTRY, Metadata.of(Metadata.WEIGHTS, VariableEntries.layerNames(model), now));
    VariableEntries.writeWeights(model, archive);
    AtomicFile.write(path, wrap, archive::writeTo);
  }

  /**
   * Loads weights into a built model from a weights file or a model file. The file's layers that
   * have weights are paired in order with the model's; names may differ, but the number of such
   * layers, each one's number of weights and every shape must match. Nothing changes unless all do.
   *
   * @param model a built model
   * @param path the file
   * @throws IllegalStateException if the model is not built
   * @throws ModelFormatException if the file is bad or its weights do not fit the model
   * @throws IOException if reading fails
   */
  public static void loadWeights(Sequential model, Path path) throws IOException {
    requireBuilt(model, "loadWeights");
    try (ArchiveReader archive = ArchiveReader.open(path)) {
      JsonFields metadata = Metadata.read(archive);
      List<String> layers =
          metadata.string("content").equals(Metadata.MODEL)
              ? ModelConfig.layerNames(archive)
              : metadata.strings("layers");
      VariableEntries.readWeights(archive, layers, model);
    }
  }

  private static void requireBuilt(Sequential model, String what) {
    if (!model.isBuilt()) {
      throw new IllegalStateException(
          String.format(
              "model '%s' is not built; start it with an Input or call build(...) before %s",
              model.name(), what));
    }
  }
}
