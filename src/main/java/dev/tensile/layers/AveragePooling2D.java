package dev.tensile.layers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.tensor.Buffers;
import java.util.Arrays;

/**
 * Average pooling over channels-last images, Keras's {@code AveragePooling2D}: each output element
 * is the mean of its window, channel by channel. Strides default to the pool size; with padding
 * {@code same} the mean is over the window's inputs only, the padding not counted, as Keras does.
 * No weights.
 */
public final class AveragePooling2D extends Pooling2D<AveragePooling2D> {
  private float[] y;
  private float[] dx;

  /**
   * Makes a square pool, as {@code AveragePooling2D(2)}.
   *
   * @param poolSize the window's height and width; positive
   */
  public AveragePooling2D(int poolSize) {
    this(new int[] {poolSize, poolSize});
  }

  /**
   * Makes a pool of {@code (height, width)}.
   *
   * @param poolSize the window's height and width; positive
   */
  public AveragePooling2D(int[] poolSize) {
    super(poolSize);
  }

  /**
   * Rebuilds a layer from Keras's description.
   *
   * @param config the description
   * @param resolver unused: pooling has no nested objects
   * @return a new layer
   * @throws dev.tensile.config.ConfigException if a size is missing or invalid, or the data is
   *     channels-first
   */
  public static AveragePooling2D fromConfig(ObjectConfig config, Resolver resolver) {
    return configured(new AveragePooling2D(ConfigValues.sizes(config, "pool_size", 2, null)), config);
  }

  @Override
  AveragePooling2D self() {
    return this;
  }

  @Override
  protected float[] forward(float[] x, int batch, boolean training) {
    int c = channels;
    y = Buffers.ensure(y, batch * outputSize());
    int o = 0;
    for (int s = 0; s < batch; s++) {
      int image = s * inputSize();
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++, o += c) {
          int n = taps(image, oh, ow);
          Arrays.fill(y, o, o + c, 0f);
          for (int t = 0; t < n; t++) {
            int at = offsets[t];
            for (int k = 0; k < c; k++) {
              y[o + k] += x[at + k];
            }
          }
          // The padding is not counted, as Keras does.
          float inv = 1f / n;
          for (int k = 0; k < c; k++) {
            y[o + k] *= inv;
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
    int c = channels;
    int total = batch * inputSize();
    dx = Buffers.ensure(dx, total);
    Arrays.fill(dx, 0, total, 0f);
    int o = 0;
    for (int s = 0; s < batch; s++) {
      int image = s * inputSize();
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++, o += c) {
          int n = taps(image, oh, ow);
          float inv = 1f / n;
          for (int t = 0; t < n; t++) {
            int at = offsets[t];
            for (int k = 0; k < c; k++) {
              dx[at + k] += gradOutput[o + k] * inv;
            }
          }
        }
      }
    }
    return dx;
  }
}
