package dev.tensile.saving;

import dev.tensile.layers.Dropout;
import dev.tensile.layers.Layer;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.tensor.Tensor;
import dev.tensile.tensor.Variable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a model's variables live in a file, as {@code .npy} entries named after Keras's layout:
 *
 * <pre>
 * layers/NAME/vars/0.npy                    a layer's first weight (a Dense kernel), float32
 * layers/NAME/vars/1.npy                    its second (a Dense bias)
 * layers/NAME/seed_generator/vars/0.npy     a Dropout's mask generator state, int64 scalar
 * optimizer/vars/0.npy                      the optimizer's step count, int64 scalar
 * optimizer/vars/1.npy                      its learning rate, float32 scalar
 * optimizer/vars/2.npy ...                  its state arrays, weight by weight, slot by slot
 * </pre>
 */
final class VariableEntries {
  private static final int[] SCALAR = {};

  private VariableEntries() {}

  static String weight(String layer, int index) {
    return "layers/" + layer + "/vars/" + index + ".npy";
  }

  static String generator(String layer) {
    return "layers/" + layer + "/seed_generator/vars/0.npy";
  }

  static String optimizer(int index) {
    return "optimizer/vars/" + index + ".npy";
  }

  /** Adds every layer's weights. */
  static void writeWeights(Sequential model, ArchiveWriter out) {
    for (Layer layer : model.layers()) {
      List<Variable> weights = layer.weights();
      for (int i = 0; i < weights.size(); i++) {
        Variable v = weights.get(i);
        out.add(weight(layer.name(), i), Npy.encode(v.value(), v.shape()));
      }
    }
  }

  /** Adds the state of every Dropout layer's mask generator. */
  static void writeGenerators(Sequential model, ArchiveWriter out) {
    for (Layer layer : model.layers()) {
      if (layer instanceof Dropout) {
        long state = ((Dropout) layer).generatorState();
        out.add(generator(layer.name()), Npy.encode(new long[] {state}, SCALAR));
      }
    }
  }

  /** Adds the optimizer's step count, learning rate and, once it is built, its state. */
  static void writeOptimizer(Sequential model, ArchiveWriter out) {
    Optimizer optimizer = model.optimizer();
    out.add(optimizer(0), Npy.encode(new long[] {optimizer.iterations()}, SCALAR));
    out.add(optimizer(1), Npy.encode(new float[] {optimizer.learningRate()}, SCALAR));
    List<float[]> slots = optimizer.slotValues();
    List<Variable> vars = model.trainableVariables();
    for (int k = 0; k < slots.size(); k++) {
      int[] shape = vars.get(k / (slots.size() / vars.size())).shape();
      out.add(optimizer(2 + k), Npy.encode(slots.get(k), shape));
    }
  }

  /**
   * Reads the weights of the file's layers, in the given order, into a built model's layers in
   * order, pairing the layers that have weights; nothing changes unless every count and shape
   * matches.
   *
   * @param in the file
   * @param fileLayers the file's layer names, in model order
   * @param model the model
   * @throws ModelFormatException if the counts or shapes differ, or an entry is bad
   */
  static void readWeights(ArchiveReader in, List<String> fileLayers, Sequential model)
      throws IOException {
    List<String> withWeights = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (String name : fileLayers) {
      int count = 0;
      while (in.has(weight(name, count))) {
        count++;
      }
      if (count > 0) {
        withWeights.add(name);
        counts.add(count);
      }
    }
    List<Layer> targets = new ArrayList<>();
    for (Layer layer : model.layers()) {
      if (!layer.weights().isEmpty()) {
        targets.add(layer);
      }
    }
    if (withWeights.size() != targets.size()) {
      throw in.problem(
          String.format(
              "it has weights for %s %s, model '%s' for %d %s",
              count(withWeights.size(), "layer"),
              withWeights,
              model.name(),
              targets.size(),
              layerNames(targets)));
    }
    List<Tensor> values = new ArrayList<>();
    for (int l = 0; l < targets.size(); l++) {
      Layer target = targets.get(l);
      List<Variable> weights = target.weights();
      if (counts.get(l) != weights.size()) {
        throw in.problem(
            String.format(
                "layer '%s' has %s in the file, layer '%s' of model '%s' has %d %s",
                withWeights.get(l),
                count(counts.get(l), "weight"),
                target.name(),
                model.name(),
                weights.size(),
                weights));
      }
      for (int i = 0; i < weights.size(); i++) {
        Variable v = weights.get(i);
        String what = "weight '" + v.name() + "' of model '" + model.name() + "'";
        float[] data = in.floats(weight(withWeights.get(l), i), v.shape(), what);
        values.add(Tensor.wrap(data, v.shape()));
      }
    }
    model.setWeights(values);
  }

  /** Restores every Dropout layer's mask generator. */
  static void readGenerators(ArchiveReader in, Sequential model) throws IOException {
    for (Layer layer : model.layers()) {
      if (layer instanceof Dropout) {
        String what = "the mask generator of Dropout '" + layer.name() + "'";
        ((Dropout) layer).setGeneratorState(in.int64Scalar(generator(layer.name()), what));
      }
    }
  }

  /**
   * Restores a compiled model's optimizer: step count, learning rate and state.
   *
   * @param in the file
   * @param model a compiled model, built if the optimizer had taken steps
   * @throws ModelFormatException if the entries are bad or do not fit the optimizer's settings
   */
  static void readOptimizer(ArchiveReader in, Sequential model) throws IOException {
    Optimizer optimizer = model.optimizer();
    long steps = in.int64Scalar(optimizer(0), "the optimizer's step count");
    float learningRate = in.floats(optimizer(1), SCALAR, "the learning rate")[0];
    if (steps < 0) {
      throw in.problem("entry '" + optimizer(0) + "' holds a negative step count " + steps);
    }
    try {
      optimizer.setLearningRate(learningRate);
    } catch (IllegalArgumentException e) {
      throw in.problem("entry '" + optimizer(1) + "': " + e.getMessage());
    }
    int inFile = 0;
    while (in.has(optimizer(2 + inFile))) {
      inFile++;
    }
    if (steps == 0 && inFile == 0) {
      return;
    }
    if (!model.isBuilt()) {
      throw in.problem("it has optimizer state but no input shape to build the model with");
    }
    List<Variable> vars = model.trainableVariables();
    optimizer.build(vars);
    int expected = optimizer.slotValues().size();
    if (inFile != expected) {
      throw in.problem(
          String.format(
              "it has %d optimizer state arrays, but %s keeps %d for the model's %d weights",
              inFile, optimizer, expected, vars.size()));
    }
    List<float[]> values = new ArrayList<>();
    for (int k = 0; k < expected; k++) {
      Variable v = vars.get(k / (expected / vars.size()));
      String what = "the optimizer state of weight '" + v.name() + "'";
      values.add(in.floats(optimizer(2 + k), v.shape(), what));
    }
    optimizer.restore(vars, steps, values);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Returns the names of a model's layers, in order. */
  static List<String> layerNames(Sequential model) {
    return layerNames(model.layers());
  }

  private static List<String> layerNames(List<Layer> layers) {
    List<String> names = new ArrayList<>();
    for (Layer layer : layers) {
      names.add(layer.name());
    }
    return names;
  }
}
