package dev.tensile.models;

import dev.tensile.layers.Dropout;
import dev.tensile.layers.Layer;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.saving.ModelFiles;
import dev.tensile.saving.ModelFormatException;
import dev.tensile.saving.SavedModel;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import dev.tensile.tensor.Variable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between a {@link Sequential} and the parts of a model file: gathers a model's parts for {@link
 * ModelFiles}, and assembles a model from the parts a file holds, checking every array against the
 * layer or optimizer slot it belongs to. Only Sequential's public methods are used.
 */
final class SavedModels {
  private SavedModels() {}

  /** Reads weights into a built model; nothing changes unless every array fits. */
  static void loadWeights(Sequential model, Path path) throws IOException {
    List<Layer> layers = model.layers();
    List<List<Tensor>> arrays = ModelFiles.loadWeights(path, layers);
    List<Tensor> flat = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      flat.addAll(checkedWeights(path, layers.get(i), arrays.get(i)));
    }
    model.setWeights(flat);
  }

  /** Gathers a model's parts for saving. */
  static SavedModel of(Sequential model) {
    List<List<Tensor>> layerWeights = new ArrayList<>();
    Map<String, Long> generators = new LinkedHashMap<>();
    for (Layer l : model.layers()) {
      List<Tensor> w = new ArrayList<>();
      for (Variable v : l.weights()) {
        w.add(Tensor.wrap(v.value(), v.shape()));
      }
      layerWeights.add(w);
      if (l instanceof Dropout) {
        generators.put(l.name(), ((Dropout) l).generatorState());
      }
    }
    SavedModel.OptimizerState state = null;
    Optimizer optimizer = model.optimizer();
    if (optimizer != null) {
      List<Tensor> slots = new ArrayList<>();
      List<float[]> values = optimizer.slotValues();
      List<int[]> shapes = optimizer.slotShapes();
      for (int k = 0; k < values.size(); k++) {
        slots.add(Tensor.wrap(values.get(k), shapes.get(k)));
      }
      state = new SavedModel.OptimizerState(
          optimizer.iterations(), optimizer.learningRate(), slots);
    }
    return new SavedModel(model.name(), model.inputShape(), model.layers(), layerWeights,
        optimizer, model.loss(), model.metricNames(), state, generators);
  }

  /** Makes a model from a file's parts, checking every array against the layer it belongs to. */
  static Sequential assemble(Path path, SavedModel saved) throws IOException {
    Sequential model = new Sequential().name(saved.name());
    long stored = 0;
    for (List<Tensor> w : saved.weights()) {
      for (Tensor t : w) {
        stored += t.size();
      }
    }
    try {
      for (Layer l : saved.layers()) {
        model.add(l);
      }
      int[] shape = saved.inputShape();
      if (shape != null) {
        // Every weight the config implies must be in the file: a layer claiming more fails here,
        // before its arrays are allocated.
        Variable.withElementLimit(stored, () -> model.build(shape));
      }
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      throw new ModelFormatException(path, "config.json does not fit its weights: "
          + e.getMessage(), e);
    }
    List<Tensor> flat = new ArrayList<>();
    for (int i = 0; i < saved.layers().size(); i++) {
      Layer l = saved.layers().get(i);
      if (!model.isBuilt() && !saved.weights().get(i).isEmpty()) {
        throw new ModelFormatException(path, "it has weights for layer '" + l.name()
            + "' but no input shape to build the model with");
      }
      flat.addAll(checkedWeights(path, l, saved.weights().get(i)));
    }
    if (model.isBuilt()) {
      model.setWeights(flat);
    }
    for (Layer l : saved.layers()) {
      Long state = saved.generatorStates().get(l.name());
      if (state != null && l instanceof Dropout) {
        ((Dropout) l).setGeneratorState(state);
      }
    }
    if (saved.optimizer() != null) {
      try {
        model.compile(saved.optimizer(), saved.loss(), saved.metrics().toArray(new String[0]));
      } catch (IllegalArgumentException e) {
        throw new ModelFormatException(path, "compile_config: " + e.getMessage(), e);
      }
      restoreOptimizer(path, model, saved.optimizerState());
    }
    return model;
  }

  static List<Tensor> checkedWeights(Path path, Layer layer, List<Tensor> arrays)
      throws ModelFormatException {
    List<Variable> vars = layer.weights();
    if (arrays.size() != vars.size()) {
      throw new ModelFormatException(path, String.format(
          "layer '%s' has %d weight arrays in the file, but as configured it has %d %s",
          layer.name(), arrays.size(), vars.size(), vars));
    }
    for (int j = 0; j < vars.size(); j++) {
      if (!Arrays.equals(arrays.get(j).shape(), vars.get(j).shape())) {
        throw new ModelFormatException(path, String.format(
            "weight %d of layer '%s' has shape %s in the file, but weight '%s' has shape %s", j,
            layer.name(), arrays.get(j).shapeString(), vars.get(j).name(),
            Shapes.format(vars.get(j).shape())));
      }
    }
    return arrays;
  }

  private static void restoreOptimizer(Path path, Sequential model, SavedModel.OptimizerState s)
      throws ModelFormatException {
    if (s == null) {
      return;
    }
    Optimizer opt = model.optimizer();
    try {
      opt.setLearningRate(s.learningRate());
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(path, "optimizer/vars/1: " + e.getMessage(), e);
    }
    if (s.slots().isEmpty() && s.iterations() == 0) {
      return;
    }
    if (!model.isBuilt()) {
      throw new ModelFormatException(path, "it has optimizer state but no input shape");
    }
    Optimizer probe = opt;
    probe.build(model.trainableVariables());
    List<int[]> shapes = probe.slotShapes();
    if (shapes.size() != s.slots().size()) {
      throw new ModelFormatException(path, String.format(
          "optimizer/vars holds %d state arrays after the step count and learning rate, but %s "
              + "keeps %d for the model's %d weights", s.slots().size(), opt, shapes.size(),
          model.trainableVariables().size()));
    }
    List<float[]> values = new ArrayList<>();
    for (int k = 0; k < shapes.size(); k++) {
      Tensor t = s.slots().get(k);
      if (!Arrays.equals(t.shape(), shapes.get(k))) {
        throw new ModelFormatException(path, String.format(
            "optimizer/vars/%d has shape %s, expected %s", k + 2, t.shapeString(),
            Shapes.format(shapes.get(k))));
      }
      values.add(t.data());
    }
    opt.restore(model.trainableVariables(), s.iterations(), values);
  }
}
