package dev.tensile.layers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.tensor.Buffers;
import java.util.Arrays;

/**
 * The largest value of each channel over the whole image, Keras's {@code GlobalMaxPooling2D}:
 * {@code (None, h, w, c)} gives {@code (None, c)}. Backward sends each gradient to the input that
 * won (the first, on a tie). No weights.
 */
public final class GlobalMaxPooling2D extends GlobalPooling2D {
  private int[] argmax;
  private float[] y;
  private float[] dx;

  /** Makes the layer. */
  public GlobalMaxPooling2D() {}

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
  public static GlobalMaxPooling2D fromConfig(ObjectConfig config, Resolver resolver) {
    config.requireDefault("data_format", "channels_last");
    config.requireDefault("keepdims", false);
    return withCommonConfig(new GlobalMaxPooling2D(), config);
  }

  @Override
  protected float[] forward(float[] x, int batch, boolean training) {
    int c = channels;
    y = Buffers.ensure(y, batch * c);
    if (argmax == null || argmax.length < batch * c) {
      argmax = new int[batch * c];
    }
    for (int s = 0; s < batch; s++) {
      int o = s * c;
      int start = s * positions * c;
      System.arraycopy(x, start, y, o, c);
      for (int k = 0; k < c; k++) {
        argmax[o + k] = start + k;
      }
      for (int p = 1, at = start + c; p < positions; p++, at += c) {
        for (int k = 0; k < c; k++) {
          if (x[at + k] > y[o + k]) {
            y[o + k] = x[at + k];
            argmax[o + k] = at + k;
          }
        }
      }
    }
    return y;
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    if (!computeInputGradient()) {
      return null;
    }
    int n = batch * positions * channels;
    dx = Buffers.ensure(dx, n);
    Arrays.fill(dx, 0, n, 0f);
    for (int o = 0; o < batch * channels; o++) {
      dx[argmax[o]] += gradOutput[o];
    }
    return dx;
  }
}
