package dev.tensile.saving;

import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.tensile.layers.Layer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HDF5 layout of Keras 3's weights ({@code model.weights.h5} inside a {@code .keras} file,
 * and {@code .weights.h5} files):
 *
 * <pre>
 * layers/NAME/vars/0, 1, ...   a layer's variables in Keras's order (a Dense kernel, then its bias)
 * optimizer/vars/0             the step count, int32 scalar
 * optimizer/vars/1             the learning rate, float32 scalar
 * optimizer/vars/2, ...        the slots, in Keras's order (Optimizer.slotValues())
 * </pre>
 *
 * <p>A layer without variables gets no group, as in Keras (and an empty group beside a dataset
 * would make jHDF write a corrupt file).
 */
final class KerasWeights {
  private KerasWeights() {}

  /**
   * Returns where each layer's variables live, as Keras names them: not by the layer's name
   * (automatic names differ from session to session) but by its class, snake_case, numbered
   * within the model: {@code layers/dense}, {@code layers/dense_1}, {@code layers/dropout}, ...
   * A layer's name therefore never becomes part of a path in the file.
   *
   * @param layers the model's layers, in order
   * @return one path per layer
   */
  static List<String> paths(List<Layer> layers) {
    Map<String, Integer> used = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (Layer layer : layers) {
      String name = snakeCase(layer.typeName());
      Integer n = used.get(name);
      used.put(name, n == null ? 0 : n + 1);
      out.add("layers/" + (n == null ? name : name + "_" + (n + 1)));
    }
    return out;
  }

  /** Keras's {@code naming.to_snake_case}: {@code MaxPooling2D} to {@code max_pooling2d}. */
  static String snakeCase(String className) {
    String name = className.replaceAll("\\W+", "");
    name = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /**
   * Writes a model's weights and, if it is compiled, its optimizer's variables.
   *
   * @param model the model's parts
   * @param target the file being saved; the HDF5 bytes are built in a temporary file beside it
   * @return the HDF5 file's bytes
   * @throws IOException if the temporary file fails
   */
  static byte[] write(SavedModel model, Path target) throws IOException {
    H5Writer h5 = new H5Writer();
    List<String> paths = paths(model.layers());
    for (int i = 0; i < model.layers().size(); i++) {
      List<Tensor> weights = model.weights().get(i);
      for (int j = 0; j < weights.size(); j++) {
        Tensor w = weights.get(j);
        h5.putFloats(paths.get(i) + "/vars/" + j, w.data(), w.shape());
      }
    }
    SavedModel.OptimizerState state = model.optimizerState();
    if (state != null) {
      if (state.iterations() <= Integer.MAX_VALUE) {
        h5.putInt("optimizer/vars/0", (int) state.iterations());
      } else {
        h5.putLong("optimizer/vars/0", state.iterations());
      }
      h5.putFloats("optimizer/vars/1", new float[] {state.learningRate()}, new int[0]);
      List<Tensor> slots = state.slots();
      for (int k = 0; k < slots.size(); k++) {
        h5.putFloats("optimizer/vars/" + (k + 2), slots.get(k).data(), slots.get(k).shape());
      }
    }
    return h5.toBytes(target);
  }

  /**
   * Reads every layer's variables, {@code PATH/vars/0, 1, ...}, after checking that the file
   * has variables for no layer the model lacks.
   *
   * @param h5 the weights
   * @param layers the model's layers
   * @return each layer's arrays, empty for a layer the file has none for
   * @throws ModelFormatException if the file has variables for other layers, the variables are
   *     not numbered 0, 1, ..., or an array is bad
   */
  static List<List<Tensor>> readLayers(H5Reader h5, List<Layer> layers)
      throws ModelFormatException {
    List<String> paths = paths(layers);
    for (String child : h5.children("layers")) {
      if (!paths.contains("layers/" + child) && !h5.children("layers/" + child + "/vars").isEmpty()) {
        throw h5.problem("layers/" + child, "holds variables, but the model has no such layer; "
            + "its layers are " + paths + " (Keras names them by class and position)");
      }
    }
    List<List<Tensor>> out = new ArrayList<>();
    for (String path : paths) {
      out.add(readVars(h5, path + "/vars", 0));
    }
    return out;
  }

  private static List<Tensor> readVars(H5Reader h5, String group, int first)
      throws ModelFormatException {
    int count = count(h5, group);
    List<Tensor> out = new ArrayList<>();
    for (int i = first; i < count; i++) {
      String path = group + "/" + i;
      int[] shape = h5.shape(path);
      out.add(Tensor.wrap(h5.floats(path), shape));
    }
    return out;
  }

  private static int count(H5Reader h5, String group) throws ModelFormatException {
    List<String> children = h5.children(group);
    for (int i = 0; i < children.size(); i++) {
      if (!children.contains(Integer.toString(i))) {
        throw h5.problem(group, "holds " + children + "; expected variables named 0 to "
            + (children.size() - 1));
      }
    }
    return children.size();
  }

  /**
   * Reads the optimizer's variables.
   *
   * @param h5 the weights
   * @return the state, or null if the file has no optimizer variables
   * @throws ModelFormatException if they are bad
   */
  static SavedModel.OptimizerState readOptimizer(H5Reader h5) throws ModelFormatException {
    String group = "optimizer/vars";
    int count = count(h5, group);
    if (count == 0) {
      return null;
    }
    if (count < 2) {
      throw h5.problem(group, "holds " + count + " variable; expected the step count and the "
          + "learning rate first");
    }
    long iterations = h5.integerScalar(group + "/0");
    if (iterations < 0) {
      throw h5.problem(group + "/0", "holds a negative step count " + iterations);
    }
    if (h5.shape(group + "/1").length != 0) {
      throw h5.problem(group + "/1", "must be the learning rate, a float32 scalar");
    }
    float lr = h5.floats(group + "/1")[0];
    return new SavedModel.OptimizerState(iterations, lr, readVars(h5, group, 2));
  }
}
