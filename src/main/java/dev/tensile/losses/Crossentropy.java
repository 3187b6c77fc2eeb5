package dev.tensile.losses;

import dev.tensile.config.ObjectConfig;
import dev.tensile.tensor.Tensor;

/**
 * What the crossentropies share: Keras's clipping constant and the {@code fromLogits} switch.
 */
abstract class Crossentropy implements Loss {
  /** Keras's {@code backend.epsilon()}: probabilities are clipped to {@code [EPS, 1 - EPS]}. */
  static final float EPS = 1e-7f;

  /** Keras's default reduction, the mean over the batch. */
  static final String REDUCTION = "sum_over_batch_size";

  final boolean fromLogits;
  private final String name;
  private final boolean sparse;

  /**
   * Makes the loss.
   *
   * @param name the Keras name
   * @param sparse true if targets are class indices, one per row
   * @param fromLogits true if predictions are logits
   */
  Crossentropy(String name, boolean sparse, boolean fromLogits) {
    this.name = name;
    this.sparse = sparse;
    this.fromLogits = fromLogits;
  }

  /**
   * Describes the loss with Keras's keys: {@code name}, {@code reduction} ({@code
   * sum_over_batch_size}, the only one Tensile has), {@code from_logits}, and the class's options
   * at their defaults.
   *
   * @return the description
   */
  @Override
  public final ObjectConfig getConfig() {
    ObjectConfig.Builder b =
        ObjectConfig.builder("keras.losses", getClass().getSimpleName())
            .put("name", name)
            .put("reduction", REDUCTION)
            .put("from_logits", fromLogits);
    if (sparse) {
      b.put("ignore_class", null);
    } else {
      b.put("label_smoothing", 0.0).put("axis", -1);
    }
    return b.build();
  }

  /**
   * Reads {@code from_logits} from a description after checking the options Tensile lacks.
   *
   * @param config the description
   * @return {@code from_logits}
   * @throws dev.tensile.config.ConfigException if an option is not at its default
   */
  static boolean fromLogits(ObjectConfig config) {
    config.requireDefault("reduction", REDUCTION);
    config.requireDefault("ignore_class", null);
    config.requireDefault("label_smoothing", 0.0);
    config.requireDefault("axis", -1);
    return config.getBoolean("from_logits", false);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean sparse() {
    return sparse;
  }

  @Override
  public final void validateTargets(Tensor y, int[] outputShape) {
    if (sparse) {
      Targets.checkSparse(name, y, outputShape);
    } else {
      Targets.checkDense(name, y, outputShape);
    }
  }

  /**
   * Tells whether predictions are logits rather than probabilities.
   *
   * @return the {@code from_logits} setting
   */
  public boolean fromLogits() {
    return fromLogits;
  }

  static float clip(float p) {
    return Math.min(Math.max(p, EPS), 1f - EPS);
  }

  @Override
  public String toString() {
    return name() + "(fromLogits=" + fromLogits + ")";
  }
}
