package dev.tensile.layers;

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

  @Override
  public float[] forward(float[] x, int batch, boolean training) {
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
  public float[] backward(float[] gradOutput, int batch) {
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
