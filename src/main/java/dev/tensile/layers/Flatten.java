package dev.tensile.layers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;

/**
 * Flattens each sample to one axis: {@code (n, 28, 28)} becomes {@code (n, 784)}. Data is already
 * row-major and contiguous, so both passes return their argument unchanged, at no cost. No
 * weights.
 */
public final class Flatten extends Layer {

  /** Makes a Flatten layer. */
  public Flatten() {}

  /**
   * Describes the layer with Keras's {@code Flatten.get_config()} keys.
   *
   * @return the description, {@code data_format} {@code channels_last}
   */
  @Override
  public ObjectConfig getConfig() {
    return configBuilder().put("data_format", "channels_last").build();
  }

  /**
   * Rebuilds a layer from Keras's description.
   *
   * @param config the description
   * @param resolver unused: Flatten has no nested objects
   * @return a new layer
   * @throws dev.tensile.config.ConfigException if {@code data_format} is not {@code
   *     channels_last}, the only order Tensile keeps data in
   */
  public static Flatten fromConfig(ObjectConfig config, Resolver resolver) {
    config.requireDefault("data_format", "channels_last");
    return withCommonConfig(new Flatten(), config);
  }

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    int n = 1;
    for (int d : sampleShape) {
      n = Math.multiplyExact(n, d);
    }
    return new int[] {n};
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
