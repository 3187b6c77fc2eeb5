package dev.tensile.layers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;

/**
 * Gives each sample a new shape with the same elements in the same order, Keras's {@code
 * Reshape(target_shape)}: {@code new Reshape(28, 28, 1)} turns {@code (None, 784)} into {@code
 * (None, 28, 28, 1)}. One extent may be {@code -1}, taking whatever the others leave. Data is
 * row-major and contiguous, so both passes return their argument unchanged. No weights.
 */
public final class Reshape extends Layer {
  private final int[] targetShape;

  /**
   * Makes the layer.
   *
   * @param targetShape the per-sample shape, without the batch axis; at most one {@code -1}
   * @throws IllegalArgumentException if the shape is empty or has another non-positive extent
   */
  public Reshape(int... targetShape) {
    if (targetShape == null || targetShape.length == 0) {
      throw new IllegalArgumentException("Reshape needs a target shape, e.g. new Reshape(28, 28, 1)");
    }
    for (int d : targetShape) {
      if (d <= 0 && d != -1) {
        throw new IllegalArgumentException(
            "Reshape extents must be positive or -1, got " + Shapes.format(targetShape));
      }
    }
    this.targetShape = targetShape.clone();
  }

  /**
   * Returns the target shape as given.
   *
   * @return a copy, possibly holding one {@code -1}
   */
  public int[] targetShape() {
    return targetShape.clone();
  }

  /**
   * Describes the layer with Keras's {@code target_shape}.
   *
   * @return the description
   */
  @Override
  public ObjectConfig getConfig() {
    return configBuilder().put("target_shape", targetShape()).build();
  }

  /**
   * Rebuilds a layer from Keras's description.
   *
   * @param config the description
   * @param resolver unused
   * @return a new layer
   * @throws dev.tensile.config.ConfigException if the target shape is missing or invalid
   */
  public static Reshape fromConfig(ObjectConfig config, Resolver resolver) {
    java.util.List<Object> raw = config.getList("target_shape");
    int[] shape = new int[raw.size()];
    for (int i = 0; i < shape.length; i++) {
      // Keras allows one -1, an axis inferred from the others.
      Object v = raw.get(i);
      boolean unknown = v instanceof Number && new java.math.BigDecimal(v.toString())
          .compareTo(java.math.BigDecimal.valueOf(-1)) == 0;
      shape[i] = unknown ? -1 : ConfigValues.sizes(
          ObjectConfig.of(config.module(), config.className(), java.util.Map.of("axis", v),
              config.where() + ".config.target_shape[" + i + "]"), "axis", 1, null)[0];
    }
    return withCommonConfig(new Reshape(shape), config);
  }

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    int size = Math.toIntExact(Shapes.size(sampleShape));
    try {
      return Tensor.wrap(new float[size], sampleShape).reshape(targetShape).shape();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "layer '" + name() + "' cannot reshape input " + Shapes.formatBatch(sampleShape)
              + " (" + size + " elements per sample) to " + Shapes.format(targetShape), e);
    }
  }

  @Override
  protected float[] forward(float[] input, int batch, boolean training) {
    return input;
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    return gradOutput;
  }
}
