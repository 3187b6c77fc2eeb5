package dev.tensile.models;

import dev.tensile.internal.LayerAccess;
import dev.tensile.layers.Input;
import dev.tensile.layers.Layer;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import dev.tensile.tensor.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The layers of a {@link Sequential} model, its input shape and the building of each layer from
 * the shape before it. The output shape is read from the last layer; the flat list of weights is
 * kept because the training step hands the optimizer the same list every batch.
 */
final class LayerStack {
  private static final LayerAccess.Ops<Layer> LAYERS = LayerAccess.ops(Layer.class);

  private final List<Layer> layers = new ArrayList<>();
  private final List<Layer> layersView = Collections.unmodifiableList(layers);
  private int[] inputShape;
  private List<Variable> weights = List.of();
  private List<Variable> trainable = List.of();

  /** Declares the input shape; must come before any layer. */
  void setInput(Input input) {
    if (inputShape != null || !layers.isEmpty()) {
      throw new IllegalStateException(
          "an Input must come first and only once; this model already has "
              + (inputShape != null ? "input " + Shapes.formatBatch(inputShape) : "layers"));
    }
    inputShape = input.shape();
  }

  /** Checks that a layer may join this stack; throws without changing anything otherwise. */
  void checkAddable(Layer layer) {
    for (Layer l : layers) {
      if (l.name().equals(layer.name())) {
        throw new IllegalArgumentException(
            "all layers of a model need unique names; '" + layer.name() + "' is already used");
      }
    }
  }

  /**
   * Appends a layer, building it at once if the input shape is known, and makes it this model's.
   * If the layer cannot take the shape before it, the stack is left as it was.
   */
  void add(Supplier<String> modelName, Layer layer) {
    LAYERS.claim(layer, modelName);
    layers.add(layer);
    if (inputShape != null) {
      try {
        buildFrom(layers.size() - 1);
      } catch (RuntimeException e) {
        layers.remove(layers.size() - 1);
        LAYERS.release(layer);
        throw e;
      }
    }
  }

  /** Builds every layer for inputs of this per-sample shape. */
  void build(String modelName, int[] sampleShape) {
    if (inputShape != null) {
      if (!Arrays.equals(inputShape, sampleShape)) {
        throw new IllegalStateException(
            "model '" + modelName + "' is built for input " + Shapes.formatBatch(inputShape)
                + ", not " + Shapes.formatBatch(sampleShape));
      }
      return;
    }
    inputShape = new Input(sampleShape).shape();
    if (!layers.isEmpty()) {
      buildFrom(0);
    }
  }

  /** Builds the stack from data's per-sample shape if it is not built yet. */
  void ensureBuilt(String modelName, Tensor x) {
    if (x == null) {
      throw new IllegalArgumentException("inputs x must not be null");
    }
    if (layers.isEmpty()) {
      throw new IllegalStateException("model '" + modelName + "' has no layers; add some first");
    }
    if (!isBuilt()) {
      int[] s = x.shape();
      if (s.length < 2) {
        throw new IllegalArgumentException(
            "inputs need a sample axis and at least one feature axis, got shape "
                + x.shapeString());
      }
      build(modelName, Arrays.copyOfRange(s, 1, s.length));
    }
  }

  /** Builds from a data source's per-sample input shape if no input shape was declared. */
  void ensureBuilt(String modelName, int[] sampleShape) {
    if (layers.isEmpty()) {
      throw new IllegalStateException("model '" + modelName + "' has no layers; add some first");
    }
    if (!isBuilt()) {
      build(modelName, sampleShape);
    }
  }

  private void buildFrom(int first) {
    int[] shape = first == 0 ? inputShape : layers.get(first - 1).outputShape();
    // A layer's input gradient is needed only if some layer before it has weights.
    boolean weightsBefore = false;
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      if (i >= first) {
        shape = l.isBuilt() ? l.outputShape() : l.build(shape);
      }
      LAYERS.computeInputGradient(l, weightsBefore);
      weightsBefore |= !l.weights().isEmpty();
    }
    for (int i = 0; i < layers.size(); i++) {
      LAYERS.linkNext(layers.get(i), i + 1 < layers.size() ? layers.get(i + 1) : null);
    }
    List<Variable> all = new ArrayList<>();
    for (Layer l : layers) {
      all.addAll(l.weights());
    }
    weights = Collections.unmodifiableList(all);
    trainable = all.stream().filter(Variable::trainable).toList();
  }

  boolean isBuilt() {
    return inputShape != null && !layers.isEmpty() && layers.get(layers.size() - 1).isBuilt();
  }

  List<Layer> layers() {
    return layersView;
  }

  Layer last() {
    return layers.get(layers.size() - 1);
  }

  int[] inputShape() {
    return inputShape == null ? null : inputShape.clone();
  }

  int[] outputShape() {
    return isBuilt() ? last().outputShape() : null;
  }

  List<Variable> weights() {
    return weights;
  }

  /** The weights the optimizer trains: {@link #weights()} without the non-trainable ones. */
  List<Variable> trainableWeights() {
    return trainable;
  }

  long countParams() {
    long n = 0;
    for (Layer l : layers) {
      n += l.countParams();
    }
    return n;
  }

  /** Copies the weights out, layer by layer, kernel before bias. */
  List<Tensor> copyWeights() {
    List<Tensor> out = new ArrayList<>();
    for (Variable v : weights) {
      out.add(v.toTensor());
    }
    return out;
  }

  /** Replaces the weights; checks every count and shape first, so a failure changes nothing. */
  void assignWeights(String modelName, List<Tensor> values) {
    if (values.size() != weights.size()) {
      throw new IllegalArgumentException(
          "model '" + modelName + "' has " + weights.size() + " weights " + weights + ", got "
              + values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      Tensor t = values.get(i);
      if (t == null || !Arrays.equals(t.shape(), weights.get(i).shape())) {
        throw new IllegalArgumentException(
            "weight " + i + " ('" + weights.get(i).name() + "') has shape "
                + Shapes.format(weights.get(i).shape()) + ", got "
                + (t == null ? "null" : t.shapeString()));
      }
    }
    for (int i = 0; i < values.size(); i++) {
      weights.get(i).assign(values.get(i));
    }
  }
}
