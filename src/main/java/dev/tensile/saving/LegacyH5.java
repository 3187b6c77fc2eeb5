package dev.tensile.saving;

import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the legacy HDF5 model files of Keras 2 (and Keras 3's {@code model.save("x.h5")}): the
 * {@code model_config} and {@code training_config} attributes (JSON), and the {@code
 * model_weights} group, whose {@code layer_names} attribute lists the layers and each layer
 * group's {@code weight_names} attribute its datasets. The optimizer's variables ({@code
 * optimizer_weights}) are read from files Keras 3 wrote, whose layout matches Keras 3's
 * optimizers; a Keras 2 optimizer's state is not, so such a model loads compiled with a fresh
 * optimizer.
 */
final class LegacyH5 {
  /** The largest JSON attribute read: 16 MiB. */
  static final int MAX_JSON_CHARS = 16 << 20;

  private LegacyH5() {}

  static SavedModel load(Path path) throws IOException {
    try (H5Reader h5 = H5Reader.open(path)) {
      List<String> config = h5.strings("", "model_config");
      if (config == null || config.size() != 1) {
        if (h5.has("layers")) {
          throw new ModelFormatException(path, "it holds weights only (a .weights.h5 file); "
              + "build the model and call loadWeights instead");
        }
        throw new ModelFormatException(path, "not a Keras model file: it has no model_config "
            + "attribute");
      }
      Map<String, Object> root = json(path, config.get(0), "attribute model_config");
      List<String> training = h5.strings("", "training_config");
      Map<String, Object> compile = training == null || training.size() != 1
          ? null : json(path, training.get(0), "attribute training_config");
      KerasConfig.Parsed parsed = KerasConfig.parse(root, compile, path, "model_config");
      List<String> version = h5.strings("", "keras_version");
      boolean keras3 = version != null && version.size() == 1 && version.get(0).startsWith("3.");
      List<List<Tensor>> arrays = weights(h5, parsed.layerNames);
      SavedModel.OptimizerState state = null;
      if (parsed.optimizer != null && keras3 && h5.has("optimizer_weights")) {
        state = optimizer(h5);
      }
      return new SavedModel(parsed.name, parsed.inputShape, parsed.layers, arrays,
          parsed.optimizer, parsed.loss, parsed.metrics, state, Map.of());
    }
  }

  private static Map<String, Object> json(Path path, String text, String where)
      throws ModelFormatException {
    if (text.length() > MAX_JSON_CHARS) {
      throw new ModelFormatException(path, where + " holds " + text.length()
          + " characters, more than the " + MAX_JSON_CHARS + " Tensile reads");
    }
    return KerasJson.parseObject(text.getBytes(StandardCharsets.UTF_8), path, where);
  }

  private static List<List<Tensor>> weights(H5Reader h5, List<String> layers)
      throws ModelFormatException {
    String group = h5.has("model_weights") ? "model_weights" : "";
    List<String> fileLayers = h5.strings(group, "layer_names");
    if (fileLayers == null) {
      throw h5.problem(group, "has no layer_names attribute");
    }
    List<List<Tensor>> out = new ArrayList<>();
    for (String layer : layers) {
      List<Tensor> arrays = new ArrayList<>();
      if (fileLayers.contains(layer)) {
        String layerGroup = prefix(group) + layer;
        List<String> names = h5.strings(layerGroup, "weight_names");
        for (String name : names == null ? List.<String>of() : names) {
          String p = layerGroup + "/" + name;
          checkName(h5, p);
          arrays.add(Tensor.wrap(h5.floats(p), h5.shape(p)));
        }
      }
      out.add(arrays);
    }
    return out;
  }

  private static SavedModel.OptimizerState optimizer(H5Reader h5) throws ModelFormatException {
    List<String> names = h5.strings("optimizer_weights", "weight_names");
    if (names == null || names.size() < 2) {
      return null;
    }
    String first = "optimizer_weights/" + names.get(0);
    checkName(h5, first);
    long iterations = h5.integerScalar(first);
    String second = "optimizer_weights/" + names.get(1);
    checkName(h5, second);
    float lr = h5.floats(second)[0];
    List<Tensor> slots = new ArrayList<>();
    for (String name : names.subList(2, names.size())) {
      String p = "optimizer_weights/" + name;
      checkName(h5, p);
      slots.add(Tensor.wrap(h5.floats(p), h5.shape(p)));
    }
    return new SavedModel.OptimizerState(iterations, lr, slots);
  }

  private static void checkName(H5Reader h5, String path) throws ModelFormatException {
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals("..") || part.equals(".")) {
        throw h5.problem(path, "is not a valid dataset path");
      }
    }
  }

  private static String prefix(String group) {
    return group.isEmpty() ? "" : group + "/";
  }
}
