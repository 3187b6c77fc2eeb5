package dev.tensile.layers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.internal.LayerAccess;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Variable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A layer of a {@link dev.tensile.models.Sequential} model.
 *
 * <p>Lifecycle, called in this order:
 *
 * <ol>
 *   <li>the constructor takes hyperparameters only;
 *   <li>{@link #build(int[])} receives the shape of one input sample, makes the weights and
 *       returns the shape of one output sample; a layer is built once;
 *   <li>{@link #forward(float[], int, boolean)} maps a batch of inputs to a batch of outputs held
 *       in a buffer the layer owns and reuses (grown, never shrunk);
 *   <li>{@link #backward(float[], int)} takes {@code dL/dY} for the same batch, writes each
 *       weight's gradient and returns {@code dL/dX}, using only what forward kept.
 * </ol>
 *
 * <p>Batches are row-major {@code float[]} blocks of {@code batch} samples; a buffer may be longer
 * than the batch needs. Shapes exclude the batch axis.
 *
 * <p>To write a layer, extend this class and implement {@link #computeBuild}, {@link #forward}
 * and {@link #backward} (and {@link #weights()} if it has any); {@code docs/extending.md} shows
 * one. The batch methods are protected: the model calls them, users call {@code fit} and {@code
 * predict}. A layer belongs to the first model it is added to; a layer is not thread-safe.
 */
public abstract class Layer {
  static {
    LayerAccess.install(new Ops());
  }

  private String name;
  private int[] inputShape;
  private int[] outputShape;
  private boolean computeInputGradient = true;
  /** Gives the owning model's current name; null while the layer belongs to no model. */
  private Supplier<String> owner;

  /** Makes an unnamed layer; it takes Keras's automatic name when first asked for it. */
  protected Layer() {}

  /**
   * Returns the layer's name, assigning Keras's automatic one ({@code dense}, {@code dense_1},
   * ...) on the first call if none was given.
   *
   * @return the name
   */
  public final String name() {
    if (name == null) {
      name = Names.next(Names.snakeCase(typeName()));
    }
    return name;
  }

  /**
   * Gives the layer an explicit name, as Keras's {@code name=} argument.
   *
   * @param newName a non-empty name
   * @return this layer
   * @throws IllegalArgumentException if the name is empty
   * @throws IllegalStateException if the layer already has a name
   */
  public Layer name(String newName) {
    if (newName == null || newName.isEmpty()) {
      throw new IllegalArgumentException("a layer name must be non-empty, got '" + newName + "'");
    }
    if (newName.contains("/") || newName.equals(".") || newName.equals("..")
        || newName.chars().anyMatch(Character::isISOControl)) {
      // Keras refuses '/', since a name becomes a path in the weights file; '.', '..' and control
      // characters could not be read back from one either.
      throw new IllegalArgumentException(
          "a layer name cannot contain '/' or control characters or be '.' or '..', got '"
              + newName + "'");
    }
    if (name != null) {
      throw new IllegalStateException("layer '" + name + "' is already named");
    }
    name = newName;
    return this;
  }

  /**
   * The largest size a layer description may give for one axis of a weight (Dense's {@code units},
   * and so on), 2^24: a file claiming more is refused before anything is allocated.
   */
  public static final int MAX_DESCRIBED_SIZE = 1 << 24;

  /**
   * Describes the layer as Keras's {@code get_config()} does: its Keras class name and config, with
   * Keras's keys and defaults, from which the registry in {@code dev.tensile.saving} rebuilds it.
   * Layers that can be saved override this; the base class has nothing to describe.
   *
   * @return the description
   * @throws UnsupportedOperationException if this layer type cannot be described
   */
  public ObjectConfig getConfig() {
    throw new UnsupportedOperationException(
        "layer '" + name() + "' is a " + getClass().getName()
            + ", which does not describe itself; override getConfig() and register a factory "
            + "to save it");
  }

  /**
   * Starts this layer's description with the keys every Keras layer has: {@code name}, {@code
   * trainable} and the float32 {@code dtype} policy.
   *
   * @return a builder to add the layer's own keys to
   */
  protected final ObjectConfig.Builder configBuilder() {
    return ObjectConfig.builder("keras.layers", typeName())
        .put("name", name())
        .put("trainable", true)
        .put("dtype", KerasDtype.FLOAT32.toMap());
  }

  /**
   * Applies the keys every Keras layer has to a layer rebuilt from its description: names it, and
   * checks that it is trainable and float32, the only settings Tensile has.
   *
   * @param <L> the layer's type
   * @param layer the new layer
   * @param config its description
   * @return the layer
   * @throws dev.tensile.config.ConfigException if the name is invalid, or the layer is frozen or
   *     of another dtype
   */
  protected static <L extends Layer> L withCommonConfig(L layer, ObjectConfig config) {
    config.requireDefault("trainable", true);
    KerasDtype.check(config);
    String name = config.getString("name", null);
    if (name != null) {
      try {
        layer.name(name);
      } catch (IllegalArgumentException e) {
        throw config.problem(e.getMessage());
      }
    }
    return layer;
  }

  /**
   * Returns the Keras class name shown by {@code summary()}, e.g. {@code Dense}.
   *
   * @return the type name
   */
  public String typeName() {
    return getClass().getSimpleName();
  }

  /**
   * Builds the layer for inputs of the given per-sample shape.
   *
   * @param sampleShape the shape of one input sample (no batch axis)
   * @return the shape of one output sample
   * @throws IllegalStateException if the layer is already built
   * @throws IllegalArgumentException if the layer cannot take that shape
   */
  public final int[] build(int[] sampleShape) {
    if (inputShape != null) {
      throw new IllegalStateException(
          "layer '" + name() + "' is already built for input " + Shapes.formatBatch(inputShape)
              + "; a layer instance can belong to one model only");
    }
    int[] out = computeBuild(sampleShape.clone());
    inputShape = sampleShape.clone();
    outputShape = out.clone();
    return out.clone();
  }

  /**
   * Makes the weights and buffers for inputs of this shape; called once by {@link #build}.
   *
   * @param sampleShape the shape of one input sample
   * @return the shape of one output sample
   */
  protected abstract int[] computeBuild(int[] sampleShape);

  /**
   * Tells whether {@link #build} has run.
   *
   * @return true once built
   */
  public final boolean isBuilt() {
    return inputShape != null;
  }

  /**
   * Returns the shape of one input sample.
   *
   * @return a copy of the shape, or null before build
   */
  public final int[] inputShape() {
    return inputShape == null ? null : inputShape.clone();
  }

  /**
   * Returns the shape of one output sample.
   *
   * @return a copy of the shape, or null before build
   */
  public final int[] outputShape() {
    return outputShape == null ? null : outputShape.clone();
  }

  /**
   * Returns the number of elements in one input sample.
   *
   * @return the product of the input shape
   */
  protected final int inputSize() {
    return (int) Shapes.size(inputShape);
  }

  /**
   * Returns the number of elements in one output sample.
   *
   * @return the product of the output shape
   */
  protected final int outputSize() {
    return (int) Shapes.size(outputShape);
  }

  /**
   * Returns the weights in Keras's order (a Dense layer: kernel, then bias), trainable ones
   * before non-trainable ones (see {@link Variable#trainable()}).
   *
   * @return the weights; empty for layers without any
   */
  public List<Variable> weights() {
    return List.of();
  }

  /**
   * Counts the layer's weights' elements.
   *
   * @return the number of parameters
   */
  public long countParams() {
    long n = 0;
    for (Variable v : weights()) {
      n += v.size();
    }
    return n;
  }

  /**
   * Says whether {@link #backward} must compute {@code dL/dX}. The model turns this off for every
   * layer that has no layer with weights before it, since nobody reads that gradient.
   */
  final void computeInputGradient(boolean needed) {
    computeInputGradient = needed;
  }

  /**
   * Learns which layer follows this one in the model, after every layer is built; the model calls
   * it again whenever a layer is added. A layer that can leave part of its backward pass to the
   * next one overrides it; the gradients stay the same to the bit.
   *
   * @param next the layer after this one, or null if it is the last
   */
  void linkNext(Layer next) {}

  /** Makes this layer part of the named model; a layer belongs to one model only. */
  final void claim(Supplier<String> model) {
    if (owner != null) {
      throw new IllegalArgumentException(
          "layer '" + name() + "' already belongs to model '" + owner.get() + "'; a layer "
              + "instance can be part of one model only: make a new layer (with the same "
              + "arguments) for model '" + model.get() + "'");
    }
    owner = model;
  }

  /**
   * Tells whether {@link #backward} must compute {@code dL/dX}.
   *
   * @return true unless the model turned it off
   */
  protected final boolean computeInputGradient() {
    return computeInputGradient;
  }

  /**
   * Computes the outputs for a batch.
   *
   * @param input {@code batch} input samples, row-major; not modified, and kept for backward
   * @param batch the number of samples
   * @param training true inside {@code fit} (dropout is active), false in evaluate and predict
   * @return the outputs, in a buffer owned by the layer and overwritten by the next call
   */
  protected abstract float[] forward(float[] input, int batch, boolean training);

  /**
   * Computes the gradients for the batch of the last {@link #forward} call.
   *
   * @param gradOutput {@code dL/dY} for that batch; may be modified
   * @param batch the number of samples
   * @return {@code dL/dX}, in a buffer owned by the layer (null if the input gradient is off)
   */
  protected abstract float[] backward(float[] gradOutput, int batch);

  @Override
  public String toString() {
    return name() + " (" + typeName() + ")"
        + (outputShape == null ? "" : " " + Shapes.formatBatch(outputShape))
        + (inputShape == null ? "" : " from " + Arrays.toString(inputShape));
  }

  /** The model's view of a layer's protected batch methods. */
  private static final class Ops implements LayerAccess.Ops<Layer> {
    @Override
    public float[] forward(Layer layer, float[] input, int batch, boolean training) {
      return layer.forward(input, batch, training);
    }

    @Override
    public float[] backward(Layer layer, float[] gradOutput, int batch) {
      return layer.backward(gradOutput, batch);
    }

    @Override
    public void computeInputGradient(Layer layer, boolean needed) {
      layer.computeInputGradient(needed);
    }

    @Override
    public void linkNext(Layer layer, Layer next) {
      layer.linkNext(next);
    }

    @Override
    public void claim(Layer layer, Supplier<String> owner) {
      layer.claim(owner);
    }

    @Override
    public void release(Layer layer) {
      layer.owner = null;
    }
  }
}
