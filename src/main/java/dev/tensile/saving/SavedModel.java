package dev.tensile.saving;

import dev.tensile.layers.Layer;
import dev.tensile.losses.Loss;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * What a model file holds, as descriptions' objects and arrays: the model's name and input shape,
 * its layers, the weights of each, the compile settings and the optimizer's state. {@code
 * Sequential.save} fills one from a model and {@code Sequential.load} assembles a model from the
 * one {@link ModelFiles#load} returns; saving itself never sees a model.
 *
 * <p>On saving, the weights, the step count and the state are taken from the live layers and
 * optimizer; on loading, the layers and optimizer are new and unbuilt, and the arrays are those
 * read from the file, checked against nothing but their own shapes yet.
 */
public final class SavedModel {
  private final String name;
  private final int[] inputShape;
  private final List<Layer> layers;
  private final List<List<Tensor>> weights;
  private final Optimizer optimizer;
  private final Loss loss;
  private final List<String> metrics;
  private final OptimizerState optimizerState;
  private final Map<String, Long> generatorStates;

  /**
   * Gathers a model's parts.
   *
   * @param name the model's name
   * @param inputShape the per-sample input shape, or null if the model is not built
   * @param layers the layers, first to last
   * @param weights each layer's weights in Keras's order (kernel, then bias), one list per layer
   * @param optimizer the optimizer, or null if the model is not compiled
   * @param loss the loss, or null if not compiled
   * @param metrics the metric names given to compile, empty if none
   * @param optimizerState the optimizer's step count, learning rate and slots, or null
   * @param generatorStates each Dropout layer's mask generator state, by layer name
   */
  public SavedModel(
      String name,
      int[] inputShape,
      List<Layer> layers,
      List<List<Tensor>> weights,
      Optimizer optimizer,
      Loss loss,
      List<String> metrics,
      OptimizerState optimizerState,
      Map<String, Long> generatorStates) {
    if (name == null || layers == null || weights == null || metrics == null
        || generatorStates == null) {
      throw new IllegalArgumentException("a saved model needs a name, layers, weights, metrics "
          + "and generator states (empty ones will do)");
    }
    if (weights.size() != layers.size()) {
      throw new IllegalArgumentException(
          "one list of weights per layer: " + layers.size() + " layers, " + weights.size()
              + " lists");
    }
    this.name = name;
    this.inputShape = inputShape == null ? null : inputShape.clone();
    this.layers = List.copyOf(layers);
    this.weights = List.copyOf(weights);
    this.optimizer = optimizer;
    this.loss = loss;
    this.metrics = List.copyOf(metrics);
    this.optimizerState = optimizerState;
    this.generatorStates = Map.copyOf(generatorStates);
  }

  /**
   * Returns the model's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the per-sample input shape.
   *
   * @return a copy, or null if the model was not built
   */
  public int[] inputShape() {
    return inputShape == null ? null : inputShape.clone();
  }

  /**
   * Returns the layers.
   *
   * @return an unmodifiable list
   */
  public List<Layer> layers() {
    return layers;
  }

  /**
   * Returns each layer's weights, in layer order.
   *
   * @return one unmodifiable list per layer, empty for a layer without weights
   */
  public List<List<Tensor>> weights() {
    return weights;
  }

  /**
   * Returns the optimizer.
   *
   * @return the optimizer, or null if the model was not compiled
   */
  public Optimizer optimizer() {
    return optimizer;
  }

  /**
   * Returns the loss.
   *
   * @return the loss, or null if the model was not compiled
   */
  public Loss loss() {
    return loss;
  }

  /**
   * Returns the metric names.
   *
   * @return an unmodifiable list
   */
  public List<String> metrics() {
    return metrics;
  }

  /**
   * Returns the optimizer's state.
   *
   * @return the state, or null if the file holds none
   */
  public OptimizerState optimizerState() {
    return optimizerState;
  }

  /**
   * Returns the Dropout layers' generator states, Tensile's own metadata (Keras keeps none).
   *
   * @return an unmodifiable map from layer name to state
   */
  public Map<String, Long> generatorStates() {
    return generatorStates;
  }

  /**
   * An optimizer's variables as Keras saves them: the step count, the learning rate, then the
   * slots in Keras's order ({@code Optimizer.slotValues()}).
   */
  public static final class OptimizerState {
    private final long iterations;
    private final float learningRate;
    private final List<Tensor> slots;

    /**
     * Gathers the state.
     *
     * @param iterations the step count
     * @param learningRate the current learning rate
     * @param slots the slot arrays with their shapes, empty if the optimizer was not built
     */
    public OptimizerState(long iterations, float learningRate, List<Tensor> slots) {
      this.iterations = iterations;
      this.learningRate = learningRate;
      this.slots = List.copyOf(slots);
    }

    /**
     * Returns the step count.
     *
     * @return Keras's {@code iterations}
     */
    public long iterations() {
      return iterations;
    }

    /**
     * Returns the learning rate.
     *
     * @return the learning rate when saved
     */
    public float learningRate() {
      return learningRate;
    }

    /**
     * Returns the slot arrays.
     *
     * @return an unmodifiable list, in Keras's order
     */
    public List<Tensor> slots() {
      return slots;
    }
  }
}
