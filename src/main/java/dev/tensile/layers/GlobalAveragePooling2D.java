package dev.tensile.layers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.tensor.Buffers;
import java.util.Arrays;

/**
 * The mean of each channel over the whole image, Keras's {@code GlobalAveragePooling2D}: {@code
 * (None, h, w, c)} gives {@code (None, c)}. No weights.
 */
public final class GlobalAveragePooling2D extends GlobalPooling2D {
  private float[] y;
  private float[] dx;

  /** Makes the layer. */
  public GlobalAveragePooling2D() {}

  /**
   * Describes the layer with Keras's keys: channels-last, {@code keepdims} false.
   *
   * @return the description
   */
  @Override
  public ObjectConfig getConfig() {
    return configBuilder().put("data_format", "channels_last").put("keepdims", false).build();
  }

  /**
   * Rebuilds a layer from Keras's description.
   *
   * @param config the description
   * @param resolver unused
   * @return a new layer
   * @throws dev.tensile.config.ConfigException for channels-first data or {@code keepdims}
   */
  public static GlobalAveragePooling2D fromConfig(ObjectConfig config, Resolver resolver) {
    config.requireDefault("data_format", "channels_last");
    config.requireDefault("keepdims", false);
    return withCommonConfig(new GlobalAveragePooling2D(), config);
  }

  @Override
  protected float[] forward(float[] x, int batch, boolean training) {
    int c = channels;
    y = Buffers.ensure(y, batch * c);
    float inv = 1f / positions;
    for (int s = 0; s < batch; s++) {
      int o = s * c;
      Arrays.fill(y, o, o + c, 0f);
      for (int p = 0, at = s * positions * c; p < positions; p++, at += c) {
        for (int k = 0; k < c; k++) {
          y[o + k] += x[at + k];
        }
      }
      for (int k = 0; k < c; k++) {
        y[o + k] *= inv;
      }
    }
    return y;
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    if (!computeInputGradient()) {
      return null;
    }
    int c = channels;
    dx = Buffers.ensure(dx, batch * positions * c);
    float inv = 1f / positions;
    for (int s = 0; s < batch; s++) {
      int o = s * c;
      for (int p = 0, at = s * positions * c; p < positions; p++, at += c) {
        for (int k = 0; k < c; k++) {
          dx[at + k] = gradOutput[o + k] * inv;
        }
      }
    }
    return dx;
  }
}
