package dev.tensile.saving;

import dev.tensile.internal.AtomicFile;
import dev.tensile.internal.IoConsumer;
import dev.tensile.layers.Layer;
import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Keras's model files: {@code .keras} archives, {@code .weights.h5} weights files and, for
 * reading, legacy Keras 2 {@code .h5} files. {@code Sequential.save}, {@code load}, {@code
 * saveWeights} and {@code loadWeights} call these with a {@link SavedModel}.
 *
 * <p>Writes are atomic: the file is written to a temporary file in the same directory and moved
 * into place, so a failed save leaves a previous file as it was. Reads check every entry and claim
 * before allocating, and report a bad file with a {@link ModelFormatException} naming the file,
 * the entry and what was expected; the project's {@code docs/saving.md} lists the limits.
 */
public final class ModelFiles {
  /** The Keras version whose file layout Tensile writes, recorded in {@code metadata.json}. */
  public static final String KERAS_VERSION = "3.15.1";

  private static final String GENERATORS = "tensile_generator_states";
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  private ModelFiles() {}

  /**
   * Writes a {@code .keras} file: {@code metadata.json}, {@code config.json} and {@code
   * model.weights.h5}, as Keras 3's {@code model.save} does.
   *
   * @param model the model's parts
   * @param path the file to create or replace, e.g. {@code model.keras}
   * @throws IllegalArgumentException if a part cannot describe itself; nothing is written then
   * @throws IOException if writing fails; a previous file at {@code path} is unchanged then
   */
  public static void save(SavedModel model, Path path) throws IOException {
    requireArguments(model, path);
    byte[] config = KerasJson.write(KerasConfig.toMap(model)).getBytes(StandardCharsets.UTF_8);
    Map<String, Object> metadata = new LinkedHashMap<>();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    metadata.put("keras_version", KERAS_VERSION);
    metadata.put("date_saved", now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
    if (!model.generatorStates().isEmpty()) {
      metadata.put(GENERATORS, new LinkedHashMap<String, Object>(model.generatorStates()));
    }
    byte[] meta = KerasJson.write(metadata).getBytes(StandardCharsets.UTF_8);
    byte[] weights = KerasWeights.write(model, path);
    long time = now.toInstant(ZoneOffset.UTC).toEpochMilli();
    write(path, out -> KerasArchive.write(out, time, meta, config, weights));
  }

  /**
   * Writes a {@code .weights.h5} file as Keras 3's {@code save_weights} does: every layer's
   * weights and, if the model is compiled, the optimizer's variables.
   *
   * @param model the model's parts
   * @param path the file to create or replace, e.g. {@code model.weights.h5}
   * @throws IOException if writing fails; a previous file at {@code path} is unchanged then
   */
  public static void saveWeights(SavedModel model, Path path) throws IOException {
    requireArguments(model, path);
    byte[] weights = KerasWeights.write(model, path);
    write(path, out -> out.write(weights));
  }

  /** Decorates the output stream of this thread's writes: a failing stream in tests. */
  static final ThreadLocal<UnaryOperator<OutputStream>> WRITE_WRAP =
      ThreadLocal.withInitial(UnaryOperator::identity);

  /** The one place files are written. */
  private static void write(Path path, IoConsumer<OutputStream> content) throws IOException {
    AtomicFile.write(path, WRITE_WRAP.get(), content);
  }

  private static void requireArguments(Object model, Path path) {
    if (model == null || path == null) {
      throw new IllegalArgumentException("saving needs a model and a path, got null");
    }
  }

  /**
   * Reads a model file: a {@code .keras} archive or a legacy {@code .h5} file (told apart by their
   * first bytes, not their names).
   *
   * @param path the file
   * @return the model's parts: new, unbuilt layers and optimizer, and the arrays read
   * @throws NoSuchFileException if there is no such file
   * @throws ModelFormatException if the file is not a model file Tensile can load
   * @throws IOException if reading fails
   */
  public static SavedModel load(Path path) throws IOException {
    if (path == null) {
      throw new IllegalArgumentException("load needs a path, got null");
    }
    switch (kind(path)) {
      case ZIP:
        return loadKeras(path);
      case HDF5:
        return LegacyH5.load(path);
      default:
        throw new ModelFormatException(
            path, "not a model file: it starts with neither a zip (.keras) nor an HDF5 (.h5) "
                + "signature");
    }
  }

  private static SavedModel loadKeras(Path path) throws IOException {
    try (KerasArchive archive = KerasArchive.open(path)) {
      Map<String, Object> metadata = KerasJson.parseObject(
          archive.read(KerasArchive.METADATA, KerasArchive.MAX_METADATA_BYTES), path,
          KerasArchive.METADATA);
      Map<String, Object> root = KerasJson.parseObject(
          archive.read(KerasArchive.CONFIG, KerasArchive.MAX_CONFIG_BYTES), path,
          KerasArchive.CONFIG);
      Object compile = root.get("compile_config");
      if (compile != null && !(compile instanceof Map)) {
        throw new ModelFormatException(path, "config.json: compile_config must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> compileConfig = (Map<String, Object>) compile;
      KerasConfig.Parsed parsed =
          KerasConfig.parse(root, compileConfig, path, KerasArchive.CONFIG);
      byte[] h5 = archive.read(KerasArchive.WEIGHTS, KerasArchive.MAX_WEIGHTS_BYTES);
      try (H5Reader weights = H5Reader.of(path, KerasArchive.WEIGHTS + ": ", h5)) {
        List<List<Tensor>> arrays = KerasWeights.readLayers(weights, parsed.layers);
        SavedModel.OptimizerState state =
            parsed.optimizer == null ? null : KerasWeights.readOptimizer(weights);
        return new SavedModel(parsed.name, parsed.inputShape, parsed.layers, arrays,
            parsed.optimizer, parsed.loss, parsed.metrics, state,
            generatorStates(metadata, path));
      }
    }
  }

  private static Map<String, Long> generatorStates(Map<String, Object> metadata, Path path)
      throws ModelFormatException {
    Object states = metadata.get(GENERATORS);
    Map<String, Long> out = new LinkedHashMap<>();
    if (states == null) {
      return out;
    }
    if (!(states instanceof Map)) {
      throw new ModelFormatException(path, "metadata.json: " + GENERATORS + " must be an object");
    }
    for (Map.Entry<?, ?> e : ((Map<?, ?>) states).entrySet()) {
      try {
        out.put((String) e.getKey(), ((java.math.BigDecimal) e.getValue()).longValueExact());
      } catch (ClassCastException | ArithmeticException | NullPointerException bad) {
        throw new ModelFormatException(
            path, "metadata.json: " + GENERATORS + "." + e.getKey() + " must be a 64-bit integer");
      }
    }
    return out;
  }

  /**
   * Reads the weights for a model's layers from a {@code .weights.h5}, {@code .keras} or legacy
   * {@code .h5} file. As in Keras, the first two find a layer's variables by its class and
   * position ({@code layers/dense_1}), never by its name, and a legacy file pairs its layers
   * that have weights with the model's in order.
   *
   * @param path the file
   * @param layers the model's layers, in order
   * @return each layer's arrays from the file, in the same order; shapes are checked by the caller
   * @throws ModelFormatException if the file is bad or has weights for layers the model lacks
   * @throws IOException if reading fails
   */
  public static List<List<Tensor>> loadWeights(Path path, List<Layer> layers) throws IOException {
    if (path == null || layers == null) {
      throw new IllegalArgumentException("loadWeights needs a path and layers, got null");
    }
    switch (kind(path)) {
      case ZIP:
        try (KerasArchive archive = KerasArchive.open(path);
            H5Reader h5 = H5Reader.of(path, KerasArchive.WEIGHTS + ": ",
                archive.read(KerasArchive.WEIGHTS, KerasArchive.MAX_WEIGHTS_BYTES))) {
          return KerasWeights.readLayers(h5, layers);
        }
      case HDF5:
        boolean legacy;
        try (H5Reader h5 = H5Reader.open(path)) {
          legacy = h5.has("model_weights");
          if (!legacy) {
            return KerasWeights.readLayers(h5, layers);
          }
        }
        return inOrder(path, layers, LegacyH5.load(path));
      default:
        throw new ModelFormatException(
            path, "not a weights file: it starts with neither an HDF5 nor a zip signature");
    }
  }

  /** Pairs a legacy file's layers that have weights with the model's, in order. */
  private static List<List<Tensor>> inOrder(Path path, List<Layer> layers, SavedModel saved)
      throws ModelFormatException {
    List<List<Tensor>> file = new ArrayList<>();
    List<String> fileNames = new ArrayList<>();
    for (int i = 0; i < saved.layers().size(); i++) {
      if (!saved.weights().get(i).isEmpty()) {
        file.add(saved.weights().get(i));
        fileNames.add(saved.layers().get(i).name());
      }
    }
    List<String> names = new ArrayList<>();
    for (Layer layer : layers) {
      if (!layer.weights().isEmpty()) {
        names.add(layer.name());
      }
    }
    if (file.size() != names.size()) {
      throw new ModelFormatException(path, String.format(
          "it has weights for %d layers %s, the model for %d layers %s", file.size(), fileNames,
          names.size(), names));
    }
    List<List<Tensor>> out = new ArrayList<>();
    int next = 0;
    for (Layer layer : layers) {
      out.add(layer.weights().isEmpty() ? List.of() : file.get(next++));
    }
    return out;
  }

  private enum Kind { ZIP, HDF5, OTHER }

  private static Kind kind(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such model file");
    }
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 4 && java.util.Arrays.equals(head, 0, 4, ZIP_MAGIC, 0, 4)) {
      return Kind.ZIP;
    }
    if (n == 8 && java.util.Arrays.equals(head, HDF5_MAGIC)) {
      return Kind.HDF5;
    }
    return Kind.OTHER;
  }
}
