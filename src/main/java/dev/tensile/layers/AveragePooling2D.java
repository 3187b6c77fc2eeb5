package dev.tensile.layers;

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

  @Override
  AveragePooling2D self() {
    return this;
  }

  /** Counts the window's taps inside the input at output position (oh, ow). */
  private int taps(int oh, int ow) {
    int r = 0;
    for (int i = 0; i < rows.kernel; i++) {
      int ih = rows.source(oh, i);
      r += ih >= 0 && ih < rows.in ? 1 : 0;
    }
    int q = 0;
    for (int j = 0; j < cols.kernel; j++) {
      int iw = cols.source(ow, j);
      q += iw >= 0 && iw < cols.in ? 1 : 0;
    }
    return r * q;
  }

  @Override
  public float[] forward(float[] x, int batch, boolean training) {
    int c = channels;
    y = Buffers.ensure(y, batch * outputSize());
    int imageSize = inputSize();
    int o = 0;
    for (int s = 0; s < batch; s++) {
      int image = s * imageSize;
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++, o += c) {
          Arrays.fill(y, o, o + c, 0f);
          for (int i = 0; i < rows.kernel; i++) {
            int ih = rows.source(oh, i);
            if (ih < 0 || ih >= rows.in) {
              continue;
            }
            for (int j = 0; j < cols.kernel; j++) {
              int iw = cols.source(ow, j);
              if (iw < 0 || iw >= cols.in) {
                continue;
              }
              int at = image + (ih * cols.in + iw) * c;
              for (int k = 0; k < c; k++) {
                y[o + k] += x[at + k];
              }
            }
          }
          float inv = 1f / taps(oh, ow);
          for (int k = 0; k < c; k++) {
            y[o + k] *= inv;
          }
        }
      }
    }
    return y;
  }

  @Override
  public float[] backward(float[] gradOutput, int batch) {
    if (!computeInputGradient()) {
      return null;
    }
    int c = channels;
    int imageSize = inputSize();
    dx = Buffers.ensure(dx, batch * imageSize);
    Arrays.fill(dx, 0, batch * imageSize, 0f);
    int o = 0;
    for (int s = 0; s < batch; s++) {
      int image = s * imageSize;
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++, o += c) {
          float inv = 1f / taps(oh, ow);
          for (int i = 0; i < rows.kernel; i++) {
            int ih = rows.source(oh, i);
            if (ih < 0 || ih >= rows.in) {
              continue;
            }
            for (int j = 0; j < cols.kernel; j++) {
              int iw = cols.source(ow, j);
              if (iw < 0 || iw >= cols.in) {
                continue;
              }
              int at = image + (ih * cols.in + iw) * c;
              for (int k = 0; k < c; k++) {
                dx[at + k] += gradOutput[o + k] * inv;
              }
            }
          }
        }
      }
    }
    return dx;
  }
}
