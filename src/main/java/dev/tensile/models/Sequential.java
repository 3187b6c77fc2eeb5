package dev.tensile.models;

import dev.tensile.callbacks.History;
import dev.tensile.layers.Input;
import dev.tensile.layers.Layer;
import dev.tensile.layers.Names;
import dev.tensile.losses.Loss;
import dev.tensile.losses.Losses;
import dev.tensile.metrics.Metrics;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.optimizers.Optimizers;
import dev.tensile.optimizers.RMSprop;
import dev.tensile.saving.ModelFiles;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import dev.tensile.tensor.Variable;
import dev.tensile.utils.SummaryTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A linear stack of layers, Keras's {@code keras.Sequential}.
 *
 * <pre>{@code
 * Sequential model = new Sequential(
 *     new Input(28, 28),
 *     new Flatten(),
 *     new Dense(100, "relu"),
 *     new Dense(10, "softmax"));
 * model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
 * History history = model.fit(xTrain, yTrain, new FitOptions().epochs(5).batchSize(32));
 * double[] lossAndAccuracy = model.evaluate(xValid, yValid);
 * }</pre>
 *
 * <p>A model that starts with an {@link Input} is built at once; otherwise it is built from the
 * shape of the first data passed to {@code fit}, {@code evaluate} or {@code predict}, or by {@link
 * #build(int...)}. Shapes are inferred layer to layer. Layers get Keras's automatic names ({@code
 * dense}, {@code dense_1}, ...). The optimizer's state carries over from one {@code fit} call to
 * the next.
 */
public final class Sequential {
  private final List<Layer> layers = new ArrayList<>();
  private final List<Layer> layersView = Collections.unmodifiableList(layers);
  private String name;
  private int[] inputShape;
  private int[] outputShape;
  private List<Variable> weights = List.of();
  private List<Variable> trainable = List.of();
  private Optimizer optimizer;
  private Loss loss;
  private List<String> metricNames;
  private History history;
  private boolean stopTraining;
  private final TrainingLoop loop = new TrainingLoop(this);

  /**
   * Makes a model from layers, built later from the first data it sees.
   *
   * @param layers the layers, first to last
   */
  public Sequential(Layer... layers) {
    name();
    for (Layer l : layers) {
      add(l);
    }
  }

  /**
   * Makes a model with a declared input shape, built at once.
   *
   * @param input the per-sample input shape
   * @param layers the layers, first to last
   */
  public Sequential(Input input, Layer... layers) {
    name();
    add(input);
    for (Layer l : layers) {
      add(l);
    }
  }

  /**
   * Declares the input shape, as adding a {@code keras.Input} does; must come before any layer.
   *
   * @param input the per-sample input shape
   * @return this model
   * @throws IllegalStateException if the model already has an input shape or layers
   */
  public Sequential add(Input input) {
    if (inputShape != null || !layers.isEmpty()) {
      throw new IllegalStateException(
          "an Input must come first and only once; this model already has "
              + (inputShape != null ? "input " + Shapes.formatBatch(inputShape) : "layers"));
    }
    inputShape = input.shape();
    return this;
  }

  /**
   * Appends a layer; if the input shape is known, the layer is built at once.
   *
   * @param layer the layer; not part of any other model
   * @return this model
   * @throws IllegalArgumentException if another layer of this model has the same name
   */
  public Sequential add(Layer layer) {
    if (layer == null) {
      throw new IllegalArgumentException("cannot add a null layer");
    }
    for (Layer l : layers) {
      if (l.name().equals(layer.name())) {
        throw new IllegalArgumentException(
            "all layers of a model need unique names; '" + layer.name() + "' is already used");
      }
    }
    if (layer.isBuilt()) {
      throw new IllegalArgumentException(
          "layer '" + layer.name() + "' is already built, as part of another model; "
              + "make a new layer");
    }
    layers.add(layer);
    if (inputShape != null) {
      buildFrom(layers.size() - 1);
    }
    return this;
  }

  /**
   * Gives the model an explicit name instead of the automatic one ({@code sequential}, {@code
   * sequential_1}, ..., assigned when the model is made, as in Keras).
   *
   * @param newName a non-empty name
   * @return this model
   */
  public Sequential name(String newName) {
    if (newName == null || newName.isEmpty()) {
      throw new IllegalArgumentException("a model name must be non-empty");
    }
    name = newName;
    return this;
  }

  /**
   * Returns the model's name, assigning Keras's automatic one on first use.
   *
   * @return the name
   */
  public String name() {
    if (name == null) {
      name = Names.next("sequential");
    }
    return name;
  }

  /**
   * Builds the model for inputs of the given per-sample shape, Keras's {@code
   * model.build((None, 784))}.
   *
   * @param sampleShape the shape of one input sample, without the batch axis
   * @return this model
   * @throws IllegalStateException if the model is already built for another shape
   */
  public Sequential build(int... sampleShape) {
    if (inputShape != null) {
      if (!Arrays.equals(inputShape, sampleShape)) {
        throw new IllegalStateException(
            "model '" + name() + "' is built for input " + Shapes.formatBatch(inputShape)
                + ", not " + Shapes.formatBatch(sampleShape));
      }
      return this;
    }
    inputShape = new Input(sampleShape).shape();
    if (!layers.isEmpty()) {
      buildFrom(0);
    }
    return this;
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
      l.computeInputGradient(weightsBefore);
      weightsBefore |= !l.weights().isEmpty();
    }
    outputShape = shape;
    List<Variable> all = new ArrayList<>();
    for (Layer l : layers) {
      all.addAll(l.weights());
    }
    weights = Collections.unmodifiableList(all);
    trainable = all.stream().filter(Variable::trainable).toList();
  }

  /**
   * Tells whether every layer is built.
   *
   * @return true once the input shape is known and there is at least one layer
   */
  public boolean isBuilt() {
    return inputShape != null && !layers.isEmpty() && layers.get(layers.size() - 1).isBuilt();
  }

  /**
   * Returns the layers, without the input, as Keras's {@code model.layers}.
   *
   * @return an unmodifiable list
   */
  public List<Layer> layers() {
    return layersView;
  }

  /**
   * Returns the per-sample input shape.
   *
   * @return a copy, or null before the model is built
   */
  public int[] inputShape() {
    return inputShape == null ? null : inputShape.clone();
  }

  /**
   * Returns the per-sample output shape.
   *
   * @return a copy, or null before the model is built
   */
  public int[] outputShape() {
    return outputShape == null ? null : outputShape.clone();
  }

  /**
   * Sets the optimizer, loss and metrics, Keras's {@code compile(optimizer, loss, metrics)}.
   *
   * @param optimizerName {@code sgd}, {@code rmsprop}, {@code adagrad} or {@code adam}, with
   *     Keras's default settings
   * @param lossName {@code sparse_categorical_crossentropy}, {@code categorical_crossentropy} or
   *     {@code binary_crossentropy}
   * @param metrics metric names, e.g. {@code accuracy}
   * @return this model
   * @throws IllegalArgumentException for an unknown name
   */
  public Sequential compile(String optimizerName, String lossName, String... metrics) {
    return compile(Optimizers.get(optimizerName), Losses.get(lossName), metrics);
  }

  /**
   * Sets the optimizer, loss and metrics.
   *
   * @param optimizer the optimizer, e.g. {@code new SGD(0.01).momentum(0.9)}
   * @param lossName the loss's Keras name
   * @param metrics metric names, e.g. {@code accuracy}
   * @return this model
   */
  public Sequential compile(Optimizer optimizer, String lossName, String... metrics) {
    return compile(optimizer, Losses.get(lossName), metrics);
  }

  /**
   * Sets the loss and metrics with Keras's default optimizer, RMSprop.
   *
   * @param lossToUse the loss
   * @param metrics metric names
   * @return this model
   */
  public Sequential compile(Loss lossToUse, String... metrics) {
    return compile(new RMSprop(), lossToUse, metrics);
  }

  /**
   * Sets the optimizer, loss and metrics.
   *
   * @param optimizerToUse the optimizer
   * @param lossToUse the loss, e.g. {@code new SparseCategoricalCrossentropy(true)}
   * @param metrics metric names, e.g. {@code accuracy}
   * @return this model
   * @throws IllegalArgumentException if an argument is null or a metric unknown
   */
  public Sequential compile(Optimizer optimizerToUse, Loss lossToUse, String... metrics) {
    if (optimizerToUse == null || lossToUse == null) {
      throw new IllegalArgumentException("compile needs an optimizer and a loss");
    }
    Set<String> seen = new HashSet<>();
    for (String m : metrics) {
      Metrics.check(m);
      if (!seen.add(m)) {
        throw new IllegalArgumentException("metric '" + m + "' is listed twice");
      }
    }
    optimizer = optimizerToUse;
    loss = lossToUse;
    metricNames = List.of(metrics);
    loop.compiled();
    return this;
  }

  /**
   * Tells whether {@code compile} has been called.
   *
   * @return true once compiled
   */
  public boolean isCompiled() {
    return optimizer != null;
  }

  /**
   * Returns the optimizer.
   *
   * @return the optimizer, or null before compile
   */
  public Optimizer optimizer() {
    return optimizer;
  }

  /**
   * Returns the loss.
   *
   * @return the loss, or null before compile
   */
  public Loss loss() {
    return loss;
  }

  /**
   * Returns the metric names given to compile, in order.
   *
   * @return an unmodifiable list, empty before compile
   */
  public List<String> metricNames() {
    return metricNames == null ? List.of() : metricNames;
  }

  /**
   * Trains the model, Keras's {@code fit(x, y, ...)}.
   *
   * @param x the inputs, shape {@code (n, ...input shape)}
   * @param y the targets: class indices {@code (n,)} for sparse losses, else {@code (n, units)}
   * @param options epochs, batch size, validation, callbacks, ...
   * @return the history of per-epoch losses and metrics (also kept as {@link #history()})
   * @throws IllegalStateException if the model is not compiled, or the loss becomes NaN
   * @throws IllegalArgumentException if the data does not fit the model
   */
  public History fit(Tensor x, Tensor y, FitOptions options) {
    history = loop.fit(x, y, options);
    return history;
  }

  /**
   * Trains for one epoch with the default options.
   *
   * @param x the inputs
   * @param y the targets
   * @return the history
   */
  public History fit(Tensor x, Tensor y) {
    return fit(x, y, new FitOptions());
  }

  /**
   * Computes the loss and metrics on data, Keras's {@code evaluate}.
   *
   * @param x the inputs
   * @param y the targets
   * @param options batch size and verbosity
   * @return the loss, then each metric in compile order, e.g. {@code [0.448, 0.845]}
   */
  public double[] evaluate(Tensor x, Tensor y, EvaluateOptions options) {
    return loop.evaluate(x, y, options);
  }

  /**
   * Computes the loss and metrics with batch size 32, printing Keras's progress line.
   *
   * @param x the inputs
   * @param y the targets
   * @return the loss, then each metric in compile order
   */
  public double[] evaluate(Tensor x, Tensor y) {
    return evaluate(x, y, new EvaluateOptions());
  }

  /**
   * Computes the outputs for inputs, in batches, Keras's {@code predict}.
   *
   * @param x the inputs
   * @param options batch size and verbosity
   * @return the outputs, shape {@code (n, ...output shape)}
   */
  public Tensor predict(Tensor x, EvaluateOptions options) {
    return loop.predict(x, options);
  }

  /**
   * Computes the outputs silently with batch size 32.
   *
   * @param x the inputs
   * @return the outputs
   */
  public Tensor predict(Tensor x) {
    return predict(x, new EvaluateOptions().verbose(0));
  }

  /**
   * Returns the history of the latest {@code fit}, Keras's {@code model.history}.
   *
   * @return the history, or null before any fit
   */
  public History history() {
    return history;
  }

  /**
   * Asks {@code fit} to stop after the current batch, Keras's {@code model.stop_training = True};
   * callbacks call it.
   *
   * @param value true to stop
   */
  public void setStopTraining(boolean value) {
    stopTraining = value;
  }

  /**
   * Tells whether a stop was requested.
   *
   * @return Keras's {@code model.stop_training}
   */
  public boolean stopTraining() {
    return stopTraining;
  }

  /**
   * Returns the weights as live variables, layer by layer, kernel before bias.
   *
   * @return an unmodifiable list, empty before build
   */
  public List<Variable> variables() {
    return weights;
  }

  /**
   * Returns the weights the optimizer trains, Keras's {@code model.trainable_variables}: {@link
   * #variables()} without non-trainable ones such as a batch normalization's moving statistics.
   *
   * @return an unmodifiable list, empty before build
   */
  public List<Variable> trainableVariables() {
    return trainable;
  }

  /**
   * Copies the weights out in Keras's order: for each layer, its kernel {@code (in, units)} then
   * its bias {@code (units,)}.
   *
   * @return new tensors
   */
  public List<Tensor> getWeights() {
    List<Tensor> out = new ArrayList<>();
    for (Variable v : weights) {
      out.add(v.toTensor());
    }
    return out;
  }

  /**
   * Replaces the weights, in {@link #getWeights()}'s order and shapes.
   *
   * @param values one tensor per weight
   * @throws IllegalArgumentException if the count or a shape differs; nothing changes then
   */
  public void setWeights(List<Tensor> values) {
    if (values.size() != weights.size()) {
      throw new IllegalArgumentException(
          "model '" + name() + "' has " + weights.size() + " weights " + weights + ", got "
              + values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      if (!Arrays.equals(values.get(i).shape(), weights.get(i).shape())) {
        throw new IllegalArgumentException(
            "weight " + i + " ('" + weights.get(i).name() + "') has shape "
                + Shapes.format(weights.get(i).shape()) + ", got " + values.get(i).shapeString());
      }
    }
    for (int i = 0; i < values.size(); i++) {
      weights.get(i).assign(values.get(i));
    }
  }

  /**
   * Counts the parameters, trainable and not, Keras's {@code count_params()}.
   *
   * @return the number of weight elements
   */
  public long countParams() {
    long n = 0;
    for (Layer l : layers) {
      n += l.countParams();
    }
    return n;
  }

  private long countTrainableParams() {
    long n = 0;
    for (Variable v : trainable) {
      n += v.size();
    }
    return n;
  }

  /**
   * Computes the outputs of one layer for inputs, in batches, in inference mode: Keras's {@code
   * keras.Model(model.inputs, model.layers[index].output).predict(x)}. {@code
   * model.layerOutput(0, x)} gives the first convolution's feature maps.
   *
   * @param index the layer's position in {@link #layers()}, from 0
   * @param x the inputs, shape {@code (n, ...input shape)}
   * @return the layer's outputs, shape {@code (n, ...layer's output shape)}
   * @throws IndexOutOfBoundsException if there is no such layer
   * @throws IllegalArgumentException if the data does not fit the model
   */
  public Tensor layerOutput(int index, Tensor x) {
    if (index < 0 || index >= layers.size()) {
      throw new IndexOutOfBoundsException(
          "model '" + name() + "' has layers 0.." + (layers.size() - 1) + ", got " + index);
    }
    return loop.predict(x, new EvaluateOptions().verbose(0), index);
  }

  /**
   * Computes the outputs of a layer of this model for inputs, as {@link #layerOutput(int,
   * Tensor)}: Keras's {@code keras.Model(model.inputs, layer.output).predict(x)}.
   *
   * @param layer one of this model's layers
   * @param x the inputs
   * @return the layer's outputs
   * @throws IllegalArgumentException if the layer is not in this model
   */
  public Tensor layerOutput(Layer layer, Tensor x) {
    int index = layers.indexOf(layer);
    if (index < 0) {
      throw new IllegalArgumentException(
          "layer '" + (layer == null ? null : layer.name()) + "' is not in model '" + name() + "'");
    }
    return layerOutput(index, x);
  }

  /**
   * Returns Keras's {@code summary()} table as text, 76 characters wide.
   *
   * @return the table and totals, each line ending in a newline
   */
  public String summaryString() {
    List<SummaryTable.Row> rows = new ArrayList<>();
    for (Layer l : layers) {
      rows.add(
          new SummaryTable.Row(
              l.name(),
              l.typeName(),
              l.isBuilt() ? Shapes.formatBatch(l.outputShape()) : "?",
              l.countParams(),
              l.isBuilt()));
    }
    long optimizerParams = optimizer != null && optimizer.isBuilt() ? optimizer.countParams() : -1;
    // Keras (TensorFlow) stores the step count as int64: 8 bytes, the rest float32.
    long optimizerBytes = optimizerParams < 0 ? 0 : (optimizerParams - 2) * 4 + 8 + 4;
    return SummaryTable.render(
        name(), rows, countTrainableParams(), countParams() - countTrainableParams(),
        optimizerParams, optimizerBytes, 76);
  }

  /** Prints {@link #summaryString()} to standard output, Keras's {@code model.summary()}. */
  public void summary() {
    summary(System.out);
  }

  /**
   * Prints {@link #summaryString()}.
   *
   * @param out where to print
   */
  public void summary(PrintStream out) {
    out.print(summaryString());
    out.flush();
  }

  /**
   * Saves the model in one file: architecture, weights, compile settings and optimizer state,
   * Keras's {@code model.save}. {@link #load(Path)} gives back a model that predicts identically
   * and whose {@code fit(..., new FitOptions().initialEpoch(e).seed(s))} continues training as an
   * uninterrupted run with seed {@code s} would have. The write is atomic: if it fails, a previous
   * file at {@code path} is unchanged.
   *
   * @param path the file to create or replace, e.g. {@code model.tensile}
   * @throws IllegalArgumentException if a layer, activation, initializer, optimizer or loss is of
   *     a kind the format does not know; nothing is written then
   * @throws IOException if writing fails
   */
  public void save(Path path) throws IOException {
    ModelFiles.save(this, path);
  }

  /**
   * Loads a model saved by {@link #save(Path)}, Keras's {@code keras.models.load_model}.
   *
   * @param path the file
   * @return the model, built, compiled and with its optimizer's state if it had them
   * @throws dev.tensile.saving.ModelFormatException if the file is not a Tensile model file, is
   *     corrupt or comes from a newer format version
   * @throws IOException if reading fails
   */
  public static Sequential load(Path path) throws IOException {
    return ModelFiles.load(path);
  }

  /**
   * Saves the weights alone, Keras's {@code save_weights}; the write is atomic.
   *
   * @param path the file to create or replace, e.g. {@code model.weights.tensile}
   * @throws IllegalStateException if the model is not built
   * @throws IOException if writing fails
   */
  public void saveWeights(Path path) throws IOException {
    ModelFiles.saveWeights(this, path);
  }

  /**
   * Loads weights saved by {@link #saveWeights(Path)} or {@link #save(Path)}, Keras's {@code
   * load_weights}. Layers with weights are paired in order; the count and every shape must match,
   * and nothing changes unless they all do.
   *
   * @param path the file
   * @throws IllegalStateException if the model is not built
   * @throws dev.tensile.saving.ModelFormatException if the file is bad or its weights do not fit
   * @throws IOException if reading fails
   */
  public void loadWeights(Path path) throws IOException {
    ModelFiles.loadWeights(this, path);
  }

  /** Builds the model from data's per-sample shape if it is not built yet. */
  void ensureBuilt(Tensor x) {
    if (layers.isEmpty()) {
      throw new IllegalStateException("model '" + name() + "' has no layers; add some first");
    }
    if (!isBuilt()) {
      int[] s = x.shape();
      if (s.length < 2) {
        throw new IllegalArgumentException(
            "inputs need a sample axis and at least one feature axis, got shape "
                + x.shapeString());
      }
      build(Arrays.copyOfRange(s, 1, s.length));
    }
  }

  @Override
  public String toString() {
    return "Sequential(" + name() + ", " + layers + ")";
  }
}
