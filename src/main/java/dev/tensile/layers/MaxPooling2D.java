package dev.tensile.layers;

import dev.tensile.tensor.Buffers;
import java.util.Arrays;

/**
 * Max pooling over channels-last images, Keras's {@code MaxPooling2D}: each output element is the
 * largest input in its window, channel by channel; {@code (None, 28, 28, 32)} with a pool of 2
 * gives {@code (None, 14, 14, 32)}. Strides default to the pool size; padding {@code same} pads
 * as {@link Conv2D} does, and the padding never wins. Backward sends each output's gradient to
 * the input it took (the first in the window, on a tie). No weights.
 */
public final class MaxPooling2D extends Pooling2D<MaxPooling2D> {
  private boolean[] taken;
  private float[] input;
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
  protected int[] computeBuild(int[] sampleShape) {
    int[] out = super.computeBuild(sampleShape);
    taken = new boolean[channels];
    return out;
  }

  @Override
  public float[] forward(float[] x, int batch, boolean training) {
    int c = channels;
    y = Buffers.ensure(y, batch * outputSize());
    input = x;
    int o = 0;
    for (int s = 0; s < batch; s++) {
      int image = s * inputSize();
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++, o += c) {
          int n = taps(image, oh, ow);
          System.arraycopy(x, offsets[0], y, o, c);
          for (int t = 1; t < n; t++) {
            int at = offsets[t];
            // A branch-free maximum the JIT turns into vector instructions.
            for (int k = 0; k < c; k++) {
              float v = x[at + k];
              float m = y[o + k];
              y[o + k] = v > m ? v : m;
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
    int c = channels;
    int total = batch * inputSize();
    dx = Buffers.ensure(dx, total);
    Arrays.fill(dx, 0, total, 0f);
    float[] x = input;
    int o = 0;
    // Each output's gradient goes to the first input of its window that equals the maximum.
    for (int s = 0; s < batch; s++) {
      int image = s * inputSize();
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++, o += c) {
          int n = taps(image, oh, ow);
          Arrays.fill(taken, 0, c, false);
          for (int t = 0; t < n; t++) {
            int at = offsets[t];
            for (int k = 0; k < c; k++) {
              if (!taken[k] && x[at + k] == y[o + k]) {
                dx[at + k] += gradOutput[o + k];
                taken[k] = true;
              }
            }
          }
        }
      }
    }
    return dx;
  }
}
