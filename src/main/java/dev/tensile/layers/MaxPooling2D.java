package dev.tensile.layers;

import dev.tensile.tensor.Buffers;
import java.util.Arrays;

/**
 * Max pooling over channels-last images, Keras's {@code MaxPooling2D}: each output element is the
 * largest input in its window, channel by channel; {@code (None, 28, 28, 32)} with a pool of 2
 * gives {@code (None, 14, 14, 32)}. Strides default to the pool size; padding {@code same} pads
 * as {@link Conv2D} does, and the padding never wins. Backward sends each output's gradient to
 * the input it took (the first, on a tie). No weights.
 */
public final class MaxPooling2D extends Pooling2D<MaxPooling2D> {
  private int[] argmax;
  private float[] y;
  private float[] dx;

  /**
   * Makes a square pool, as {@code MaxPooling2D(2)}.
   *
   * @param poolSize the window's height and width; positive
   */
  public MaxPooling2D(int poolSize) {
    this(new int[] {poolSize, poolSize});
  }

  /**
   * Makes a pool of {@code (height, width)}, as {@code MaxPooling2D((2, 3))}.
   *
   * @param poolSize the window's height and width; positive
   */
  public MaxPooling2D(int[] poolSize) {
    super(poolSize);
  }

  @Override
  MaxPooling2D self() {
    return this;
  }

  @Override
  public float[] forward(float[] x, int batch, boolean training) {
    int c = channels;
    int n = batch * outputSize();
    y = Buffers.ensure(y, n);
    if (argmax == null || argmax.length < n) {
      argmax = new int[n];
    }
    int imageSize = inputSize();
    int o = 0;
    for (int s = 0; s < batch; s++) {
      int image = s * imageSize;
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++, o += c) {
          Arrays.fill(y, o, o + c, Float.NEGATIVE_INFINITY);
          boolean first = true;
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
              if (first) {
                System.arraycopy(x, at, y, o, c);
                for (int k = 0; k < c; k++) {
                  argmax[o + k] = at + k;
                }
                first = false;
                continue;
              }
              for (int k = 0; k < c; k++) {
                float v = x[at + k];
                if (v > y[o + k]) {
                  y[o + k] = v;
                  argmax[o + k] = at + k;
                }
              }
            }
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
    dx = Buffers.ensure(dx, batch * inputSize());
    Arrays.fill(dx, 0, batch * inputSize(), 0f);
    int n = batch * outputSize();
    for (int o = 0; o < n; o++) {
      dx[argmax[o]] += gradOutput[o];
    }
    return dx;
  }
}
