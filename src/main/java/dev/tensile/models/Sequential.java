package dev.tensile.models;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.History;
import dev.tensile.callbacks.Logs;
import dev.tensile.callbacks.TrainingModel;
import dev.tensile.data.DataSource;
import dev.tensile.layers.Input;
import dev.tensile.layers.Layer;
import dev.tensile.layers.Names;
import dev.tensile.losses.Loss;
import dev.tensile.metrics.Metric;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.optimizers.RMSprop;
import dev.tensile.saving.ModelFiles;
import dev.tensile.saving.Registry;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import dev.tensile.tensor.Variable;
import dev.tensile.utils.SummaryTable;
import dev.tensile.utils.Terminal;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 *
 * <p>A model is not thread-safe and is used by one thread at a time: while {@code fit}, {@code
 * evaluate} or {@code predict} runs, any of them (or {@code compile}, {@code add}, {@code build})
 * called from another thread throws an {@link IllegalStateException} at once. A callback on the
 * training thread may call {@code evaluate} or {@code predict} between batches, but not {@code
 * fit}. To predict from several threads, give each its own model. A layer belongs to the model it
 * was first added to.
 */
public final class Sequential implements TrainingModel {
  private final LayerStack stack = new LayerStack();
  private final StepRunner runner = new StepRunner(stack);
  private final UsageGuard guard = new UsageGuard();
  private String name;
  private Compilation compiled;
  /** The first layer added after the latest compile, or null: compile must run again. */
  private String addedAfterCompile;
  private History history;
  private volatile boolean stopTraining;

  /**
   * Makes a model from layers, built later from the first data it sees.
   *
   * @param layers the layers, first to last
   * @throws IllegalArgumentException if the array or a layer is null, or a layer already belongs
   *     to another model
   */
  public Sequential(Layer... layers) {
    name();
    if (layers == null) {
      throw new IllegalArgumentException("layers must not be null");
    }
    for (Layer l : layers) {
      add(l);
    }
  }

  /**
   * Makes a model with a declared input shape, built at once.
   *
   * @param input the per-sample input shape
   * @param layers the layers, first to last
   * @throws IllegalArgumentException if an argument or a layer is null, or a layer already
   *     belongs to another model
   */
  public Sequential(Input input, Layer... layers) {
    name();
    add(input);
    if (layers == null) {
      throw new IllegalArgumentException("layers must not be null");
    }
    for (Layer l : layers) {
      add(l);
    }
  }

  /**
   * Declares the input shape, as adding a {@code keras.Input} does; must come before any layer.
   *
   * @param input the per-sample input shape
   * @return this model
   * @throws IllegalArgumentException if the input is null
   * @throws IllegalStateException if the model already has an input shape or layers
   */
  public Sequential add(Input input) {
    if (input == null) {
      throw new IllegalArgumentException("cannot add a null input");
    }
    guard.requireIdle(name(), "add()");
    stack.setInput(input);
    return this;
  }

  /**
   * Appends a layer; if the input shape is known, the layer is built at once. From then on the
   * layer belongs to this model. After {@code compile}, adding a layer means compile must run
   * again before {@code fit} or {@code evaluate}, so that the optimizer covers the new weights.
   *
   * @param layer the layer; not part of any other model
   * @return this model
   * @throws IllegalArgumentException if the layer is null, already belongs to a model, or another
   *     layer of this model has the same name; nothing changes then
   * @throws IllegalStateException while {@code fit}, {@code evaluate} or {@code predict} runs
   */
  public Sequential add(Layer layer) {
    if (layer == null) {
      throw new IllegalArgumentException("cannot add a null layer");
    }
    guard.requireIdle(name(), "add()");
    stack.checkAddable(layer);
    if (layer.isBuilt()) {
      throw new IllegalArgumentException(
          "layer '" + layer.name() + "' is already built, as part of another model; "
              + "make a new layer");
    }
    stack.add(this::name, layer);
    if (compiled != null && addedAfterCompile == null) {
      addedAfterCompile = layer.name();
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
  @Override
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
    if (sampleShape == null) {
      throw new IllegalArgumentException("build needs a sample shape, got null");
    }
    guard.requireIdle(name(), "build()");
    stack.build(name(), sampleShape);
    return this;
  }

  /**
   * Tells whether every layer is built.
   *
   * @return true once the input shape is known and there is at least one layer
   */
  public boolean isBuilt() {
    return stack.isBuilt();
  }

  /**
   * Returns the layers, without the input, as Keras's {@code model.layers}.
   *
   * @return an unmodifiable list
   */
  public List<Layer> layers() {
    return stack.layers();
  }

  /**
   * Returns the per-sample input shape.
   *
   * @return a copy, or null before the model is built
   */
  public int[] inputShape() {
    return stack.inputShape();
  }

  /**
   * Returns the per-sample output shape.
   *
   * @return a copy, or null before the model is built
   */
  public int[] outputShape() {
    return stack.outputShape();
  }

  /**
   * Sets the optimizer, loss and metrics, Keras's {@code compile(optimizer, loss, metrics)}.
   * Compiling again replaces all three; the new optimizer starts from fresh state.
   *
   * @param optimizerName {@code sgd}, {@code rmsprop}, {@code adagrad} or {@code adam}, with
   *     Keras's default settings
   * @param lossName {@code sparse_categorical_crossentropy}, {@code categorical_crossentropy} or
   *     {@code binary_crossentropy}
   * @param metrics metric names, e.g. {@code accuracy}
   * @return this model
   * @throws IllegalArgumentException for a null or unknown name
   */
  public Sequential compile(String optimizerName, String lossName, String... metrics) {
    return compile(optimizer(optimizerName), loss(lossName), metrics);
  }

  /**
   * Sets the optimizer, loss and metric objects, such as {@code new BinaryAccuracy("acc",
   * 0.7f)} or a metric of your own.
   *
   * @param optimizerName the optimizer's Keras name
   * @param lossName the loss's Keras name
   * @param metric the first metric
   * @param more further metrics
   * @return this model
   * @throws IllegalArgumentException for a null or unknown name, or a null or duplicate metric
   */
  public Sequential compile(String optimizerName, String lossName, Metric metric, Metric... more) {
    return compile(optimizer(optimizerName), loss(lossName), metric, more);
  }

  /**
   * Sets the optimizer, loss and metrics.
   *
   * @param optimizer the optimizer, e.g. {@code new SGD(0.01).momentum(0.9)}
   * @param lossName the loss's Keras name
   * @param metrics metric names, e.g. {@code accuracy}
   * @return this model
   * @throws IllegalArgumentException for a null argument or an unknown name
   */
  public Sequential compile(Optimizer optimizer, String lossName, String... metrics) {
    return compile(optimizer, loss(lossName), metrics);
  }

  /**
   * Sets the loss and metrics with Keras's default optimizer, RMSprop.
   *
   * @param lossToUse the loss
   * @param metrics metric names
   * @return this model
   * @throws IllegalArgumentException for a null argument or an unknown name
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
   * @throws IllegalArgumentException if an argument is null, or a metric unknown or repeated
   */
  public Sequential compile(Optimizer optimizerToUse, Loss lossToUse, String... metrics) {
    if (metrics == null) {
      throw new IllegalArgumentException("metrics must not be null; pass none for no metrics");
    }
    return compile(Compilation.of(optimizerToUse, lossToUse, Arrays.asList((Object[]) metrics)));
  }

  /**
   * Sets the optimizer, loss and metric objects, Keras's {@code compile(metrics=[metric, ...])}.
   *
   * @param optimizerToUse the optimizer
   * @param lossToUse the loss
   * @param metric the first metric
   * @param more further metrics
   * @return this model
   * @throws IllegalArgumentException if an argument or a metric is null, or two metrics share a
   *     name
   */
  public Sequential compile(
      Optimizer optimizerToUse, Loss lossToUse, Metric metric, Metric... more) {
    if (more == null) {
      throw new IllegalArgumentException("metrics must not be null");
    }
    List<Object> all = new ArrayList<>();
    all.add(metric);
    all.addAll(Arrays.asList(more));
    return compile(Compilation.of(optimizerToUse, lossToUse, all));
  }

  private Sequential compile(Compilation c) {
    guard.requireIdle(name(), "compile()");
    compiled = c;
    addedAfterCompile = null;
    return this;
  }

  private static Optimizer optimizer(String name) {
    if (name == null) {
      throw new IllegalArgumentException("compile needs an optimizer name, got null");
    }
    return Registry.keras().optimizer(name);
  }

  private static Loss loss(String name) {
    if (name == null) {
      throw new IllegalArgumentException("compile needs a loss name, got null");
    }
    return Registry.keras().loss(name);
  }

  /**
   * Tells whether {@code compile} has been called since the last layer was added.
   *
   * @return true once compiled
   */
  public boolean isCompiled() {
    return compiled != null && addedAfterCompile == null;
  }

  /**
   * Returns the optimizer.
   *
   * @return the optimizer, or null before compile
   */
  public Optimizer optimizer() {
    return compiled == null ? null : compiled.optimizer();
  }

  /**
   * Returns the loss.
   *
   * @return the loss, or null before compile
   */
  public Loss loss() {
    return compiled == null ? null : compiled.loss();
  }

  /**
   * Returns the metric names given to compile, in order.
   *
   * @return an unmodifiable list, empty before compile
   */
  @Override
  public List<String> metricNames() {
    return compiled == null ? List.of() : compiled.metricNames();
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
    requireOptions(options);
    guard.enter(name(), "fit()", false);
    try {
      Compilation c = requireCompiled("fit()");
      stack.ensureBuilt(name(), x);
      runner.prepare();
      history = new Fit(this, c, runner, options).run(x, y);
      return history;
    } finally {
      guard.exit();
    }
  }

  /**
   * Trains the model on a data source, Keras's {@code fit(dataset, ...)}: batches are read from
   * the source each epoch (shuffled from the options' seed unless {@code shuffle(false)}), so the
   * data never has to be in memory at once. With the same batches it gives the same history and
   * weights as {@link #fit(Tensor, Tensor, FitOptions)}. Values are checked batch by batch, so a
   * bad value part-way fails the epoch there.
   *
   * @param data the training samples, with targets
   * @param options epochs, batch size, seed, validation data (a source or tensors), callbacks
   * @return the history (also kept as {@link #history()})
   * @throws IllegalStateException if the model is not compiled, or the loss becomes NaN
   * @throws IllegalArgumentException if the data does not fit the model, or {@code
   *     validationSplit} is set (a source cannot be split; pass validation data instead)
   */
  public History fit(DataSource data, FitOptions options) {
    requireOptions(options);
    guard.enter(name(), "fit()", false);
    try {
      Compilation c = requireCompiled("fit()");
      stack.ensureBuilt(name(), data.inputShape());
      runner.prepare();
      history = new Fit(this, c, runner, options).run(data);
      return history;
    } finally {
      guard.exit();
    }
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
    requireOptions(options);
    guard.enter(name(), "evaluate()", true);
    try {
      Compilation c = requireCompiled("evaluate()");
      stack.ensureBuilt(name(), x);
      runner.prepare();
      DataChecks.check(this, x, y, "evaluate");
      List<Metric> metrics = c.metrics(y, outputShape());
      Logs logs = new Logs(Evaluation.logKeys(c.metricNames(), false));
      int steps = Evaluation.steps(x.samples(), options.batchSize());
      return Evaluation.test(
          runner, c, metrics, logs, DataSource.of(x, y), options.batchSize(),
          Evaluation.bar(options.output(), steps, options.verbosity().level()), new Callback[0],
          null);
    } finally {
      guard.exit();
    }
  }

  /**
   * Computes the loss and metrics by name, Keras's {@code evaluate(..., return_dict=True)}: the
   * same numbers as {@link #evaluate(Tensor, Tensor, EvaluateOptions)}.
   *
   * @param x the inputs
   * @param y the targets
   * @param options batch size, verbosity and output
   * @return the loss and each metric by its compile name
   */
  public EvaluationResult evaluateResult(Tensor x, Tensor y, EvaluateOptions options) {
    double[] values = evaluate(x, y, options);
    return new EvaluationResult(metricNames(), values);
  }

  /**
   * Computes the loss and metrics by name with batch size 32, printing Keras's progress line.
   *
   * @param x the inputs
   * @param y the targets
   * @return the loss and each metric by its compile name
   */
  public EvaluationResult evaluateResult(Tensor x, Tensor y) {
    return evaluateResult(x, y, new EvaluateOptions());
  }

  /**
   * Computes the loss and metrics on a data source, read in order, Keras's {@code
   * evaluate(dataset)}.
   *
   * @param data the samples, with targets
   * @param options batch size and verbosity
   * @return the loss, then each metric in compile order
   */
  public double[] evaluate(DataSource data, EvaluateOptions options) {
    requireOptions(options);
    guard.enter(name(), "evaluate()", true);
    try {
      Compilation c = requireCompiled("evaluate()");
      stack.ensureBuilt(name(), data.inputShape());
      runner.prepare();
      DataChecks.checkShapes(this, data, "evaluate");
      List<Metric> metrics = c.metrics(data.targetShape(), outputShape());
      Logs logs = new Logs(Evaluation.logKeys(c.metricNames(), false));
      int steps = Evaluation.steps(data.size(), options.batchSize());
      return Evaluation.test(
          runner, c, metrics, logs, data, options.batchSize(),
          Evaluation.bar(options.output(), steps, options.verbosity().level()), new Callback[0],
          this);
    } finally {
      guard.exit();
    }
  }

  /**
   * Computes the outputs for a data source's inputs, read in order, Keras's {@code
   * predict(dataset)}; targets, if the source has them, are ignored.
   *
   * @param data the samples
   * @param options batch size and verbosity
   * @return the outputs, shape {@code (n, ...output shape)}
   */
  public Tensor predict(DataSource data, EvaluateOptions options) {
    requireOptions(options);
    guard.enter(name(), "predict()", true);
    try {
      stack.ensureBuilt(name(), data.inputShape());
      runner.prepare();
      DataChecks.checkSourceInputs(this, data, "predict");
      int steps = Evaluation.steps(data.size(), options.batchSize());
      return Evaluation.predict(
          runner, outputShape(), data, options.batchSize(),
          Evaluation.bar(options.output(), steps, options.verbosity().level()), this);
    } finally {
      guard.exit();
    }
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
    requireOptions(options);
    guard.enter(name(), "predict()", true);
    try {
      stack.ensureBuilt(name(), x);
      runner.prepare();
      DataChecks.checkInputs(this, x, "predict");
      int steps = Evaluation.steps(x.samples(), options.batchSize());
      return Evaluation.predict(
          runner, outputShape(), DataSource.of(x), options.batchSize(),
          Evaluation.bar(options.output(), steps, options.verbosity().level()), null);
    } finally {
      guard.exit();
    }
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
  @Override
  public void setStopTraining(boolean value) {
    stopTraining = value;
  }

  /**
   * Tells whether a stop was requested.
   *
   * @return Keras's {@code model.stop_training}
   */
  @Override
  public boolean stopTraining() {
    return stopTraining;
  }

  /**
   * Returns the optimizer's learning rate, Keras's {@code model.optimizer.learning_rate}.
   *
   * @return the rate as the optimizer holds it (float32)
   * @throws IllegalStateException if the model is not compiled
   */
  @Override
  public float learningRate() {
    return requireCompiled("reading the learning rate").optimizer().learningRate();
  }

  /**
   * Sets the optimizer's learning rate; callbacks such as {@code ReduceLROnPlateau} call it.
   *
   * @param value finite and positive
   * @throws IllegalStateException if the model is not compiled
   */
  @Override
  public void setLearningRate(double value) {
    requireCompiled("setting the learning rate").optimizer().setLearningRate(value);
  }

  /**
   * Returns the weights as live variables, layer by layer, kernel before bias.
   *
   * @return an unmodifiable list, empty before build
   */
  public List<Variable> variables() {
    return stack.weights();
  }

  /**
   * Returns the weights the optimizer trains, Keras's {@code model.trainable_variables}: {@link
   * #variables()} without non-trainable ones such as a batch normalization's moving statistics.
   *
   * @return an unmodifiable list, empty before build
   */
  public List<Variable> trainableVariables() {
    return stack.trainableWeights();
  }

  /**
   * Copies the weights out in Keras's order: for each layer, its kernel {@code (in, units)} then
   * its bias {@code (units,)}.
   *
   * @return new tensors
   */
  @Override
  public List<Tensor> getWeights() {
    return stack.copyWeights();
  }


  /**
   * Replaces the weights, in {@link #getWeights()}'s order and shapes.
   *
   * @param values one tensor per weight
   * @throws IllegalArgumentException if the count or a shape differs; nothing changes then
   */
  @Override
  public void setWeights(List<Tensor> values) {
    if (values == null) {
      throw new IllegalArgumentException("setWeights needs a list of weights, got null");
    }
    stack.assignWeights(name(), values);
  }


  /**
   * Counts the parameters, trainable and not, Keras's {@code count_params()}.
   *
   * @return the number of weight elements
   */
  public long countParams() {
    return stack.countParams();
  }

  private long countTrainableParams() {
    long n = 0;
    for (Variable v : stack.trainableWeights()) {
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
    if (index < 0 || index >= layers().size()) {
      throw new IndexOutOfBoundsException(
          "model '" + name() + "' has layers 0.." + (layers().size() - 1) + ", got " + index);
    }
    guard.enter(name(), "layerOutput()", true);
    try {
      stack.ensureBuilt(name(), x);
      runner.prepare();
      DataChecks.checkInputs(this, x, "layerOutput");
      return Evaluation.predict(
          runner, layers().get(index).outputShape(), DataSource.of(x), 32, index,
          Evaluation.bar(System.out, Evaluation.steps(x.samples(), 32), 0), null);
    } finally {
      guard.exit();
    }
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
    int index = layers().indexOf(layer);
    if (index < 0) {
      throw new IllegalArgumentException(
          "layer '" + (layer == null ? null : layer.name()) + "' is not in model '" + name() + "'");
    }
    return layerOutput(index, x);
  }

  /**
   * Returns Keras's {@code summary()} table as text, 76 characters wide: Keras's width when
   * standard output is not a terminal.
   *
   * @return the table and totals, each line ending in a newline
   */
  public String summaryString() {
    return summaryString(SummaryTable.DEFAULT_LINE_LENGTH);
  }

  /**
   * Returns Keras's {@code summary(line_length=...)} table as text.
   *
   * @param lineLength the table's width, at least {@link SummaryTable#MIN_LINE_LENGTH}
   * @return the table and totals, each line ending in a newline
   * @throws IllegalArgumentException if {@code lineLength} is too narrow for the columns
   */
  public String summaryString(int lineLength) {
    List<SummaryTable.Row> rows = new ArrayList<>();
    for (Layer l : stack.layers()) {
      rows.add(
          new SummaryTable.Row(
              l.name(),
              l.typeName(),
              l.isBuilt() ? Shapes.formatBatch(l.outputShape()) : "?",
              l.countParams(),
              l.isBuilt()));
    }
    Optimizer optimizer = optimizer();
    long optimizerParams = optimizer != null && optimizer.isBuilt() ? optimizer.countParams() : -1;
    // Keras (TensorFlow) stores the step count as int64: 8 bytes, the rest float32.
    long optimizerBytes = optimizerParams < 0 ? 0 : (optimizerParams - 2) * 4 + 8 + 4;
    return SummaryTable.render(
        name(), rows, countTrainableParams(), countParams() - countTrainableParams(),
        optimizerParams, optimizerBytes, lineLength);
  }

  /**
   * Prints the summary table to standard output, Keras's {@code model.summary()}: as wide as
   * Keras draws it, {@code min(88, terminal columns - 4)}, so 76 characters when standard output
   * is not a terminal (see {@link Terminal#summaryLineLength()}).
   */
  public void summary() {
    summary(System.out);
  }

  /**
   * Prints the summary table: at the terminal's width ({@link Terminal#summaryLineLength()}) when
   * {@code out} is standard output, else {@link #summaryString()}'s 76 characters.
   *
   * @param out where to print
   */
  public void summary(PrintStream out) {
    if (out == null) {
      throw new IllegalArgumentException("summary needs a stream to print to (out), got null");
    }
    out.print(
        out == System.out ? summaryString(Terminal.summaryLineLength()) : summaryString());
    out.flush();
  }

  /**
   * Saves the model as a Keras 3 {@code .keras} file, Keras's {@code model.save}: architecture,
   * weights, compile settings and the optimizer's state (step count, learning rate, every slot),
   * which {@code keras.models.load_model} in Python opens as well as {@link #load(Path)}. Each
   * Dropout layer's generator state goes in Tensile's own entry of {@code metadata.json} (Keras
   * keeps none), so that a loaded model's {@code fit(..., new
   * FitOptions().initialEpoch(e).seed(s))} continues exactly as an uninterrupted run with seed
   * {@code s}. The write is atomic: if it fails, a previous file at {@code path} is unchanged.
   *
   * @param path the file to create or replace; name it {@code something.keras} for Keras
   * @throws IllegalArgumentException if a layer, initializer, optimizer or loss cannot describe
   *     itself; nothing is written then
   * @throws IOException if writing fails
   */
  @Override
  public void save(Path path) throws IOException {
    requirePath(path);
    ModelFiles.save(SavedModels.of(this), path);
  }

  /**
   * Loads a model from a Keras 3 {@code .keras} file or a legacy Keras {@code .h5} file, written
   * by Keras or by {@link #save(Path)}, Keras's {@code keras.models.load_model}.
   *
   * @param path the file
   * @return the model, built, compiled and with its optimizer's state if the file has them
   * @throws dev.tensile.saving.ModelFormatException if the file is not a Keras model file,
   *     is corrupt, or holds something Tensile lacks (the message names the file, the entry and
   *     what is supported); no model is made then
   * @throws IOException if reading fails
   */
  public static Sequential load(Path path) throws IOException {
    requirePath(path);
    return SavedModels.assemble(path, ModelFiles.load(path));
  }

  /**
   * Saves the weights as a Keras 3 {@code .weights.h5} file, Keras's {@code save_weights}: every
   * layer's weights and, if compiled, the optimizer's variables. The write is atomic.
   *
   * @param path the file to create or replace, e.g. {@code model.weights.h5}
   * @throws IllegalStateException if the model is not built
   * @throws IOException if writing fails
   */
  @Override
  public void saveWeights(Path path) throws IOException {
    requirePath(path);
    requireBuiltFor("saveWeights");
    ModelFiles.saveWeights(SavedModels.of(this), path);
  }

  /**
   * Loads weights, Keras's {@code load_weights}, from a {@code .weights.h5}, {@code .keras} or
   * legacy {@code .h5} file. As in Keras, layers are paired by class and position (the second
   * Dense is {@code layers/dense_1} in the file, whatever its name), or, for a legacy file, in
   * order; the count and every shape must match, and nothing changes unless they all do.
   *
   * @param path the file
   * @throws IllegalStateException if the model is not built
   * @throws dev.tensile.saving.ModelFormatException if the file is bad or its weights do not fit
   * @throws IOException if reading fails
   */
  public void loadWeights(Path path) throws IOException {
    requirePath(path);
    requireBuiltFor("loadWeights");
    SavedModels.loadWeights(this, path);
  }

  private void requireBuiltFor(String what) {
    if (!isBuilt()) {
      throw new IllegalStateException(
          "model '" + name() + "' is not built; start it with an Input or call build(...) before "
              + what);
    }
  }

  private static void requirePath(Path path) {
    if (path == null) {
      throw new IllegalArgumentException("a file path is needed, got null");
    }
  }

  private static void requireOptions(Object options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null; pass new FitOptions() or "
          + "new EvaluateOptions() for Keras's defaults");
    }
  }

  private Compilation requireCompiled(String what) {
    if (addedAfterCompile != null) {
      throw new IllegalStateException(
          "layer '" + addedAfterCompile + "' was added to model '" + name() + "' after compile();"
              + " call compile() again before " + what + ", so that the optimizer covers the "
              + "new weights");
    }
    if (compiled == null) {
      throw new IllegalStateException(
          "you must call compile() before " + what + ": model '" + name()
              + "' has no optimizer or loss yet");
    }
    return compiled;
  }

  @Override
  public String toString() {
    return "Sequential(" + name() + ", " + stack.layers() + ")";
  }
}
