package dev.tensile.layers;

import dev.tensile.engine.Elementwise;
import java.util.Arrays;

/**
 * Moves between a batch of channels-last images {@code (n, h, w, c)} and the matrix of its
 * convolution windows ("im2col"): one row per output position {@code (n, oh, ow)}, one column per
 * tap {@code (i, j, c)} of the window, in Keras's kernel order, so that a convolution is one
 * matrix product with the kernel seen as a {@code (kh * kw * c, filters)} matrix. Taps that fall
 * into the padding read as 0.
 */
final class Patches {
  private final Window rows;
  private final Window cols;
  private final int channels;
  /** True when a row of taps is adjacent in memory (no horizontal dilation). */
  private final boolean contiguous;

  Patches(Window rows, Window cols, int channels) {
    this.rows = rows;
    this.cols = cols;
    this.channels = channels;
    this.contiguous = cols.dilation == 1;
  }

  /** Returns the number of columns of the window matrix, {@code kh * kw * c}. */
  int width() {
    return rows.kernel * cols.kernel * channels;
  }

  /** Returns the number of output positions per image, {@code oh * ow}. */
  int positions() {
    return rows.out * cols.out;
  }

  /** Tells whether the window matrix is the input itself (1x1 windows, stride 1, no padding). */
  boolean isIdentity() {
    return rows.kernel == 1 && cols.kernel == 1 && rows.stride == 1 && cols.stride == 1
        && rows.padBefore == 0 && cols.padBefore == 0;
  }

  /**
   * Writes the window-matrix rows of the images {@code [from, to)} into {@code out}; ranges of
   * images touch disjoint rows, so they can be gathered in parallel.
   */
  void gather(float[] x, int from, int to, float[] out) {
    int c = channels;
    int imageSize = rows.in * cols.in * c;
    int tapRow = cols.kernel * c;
    int o = from * positions() * width();
    for (int n = from; n < to; n++) {
      int image = n * imageSize;
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++) {
          for (int i = 0; i < rows.kernel; i++) {
            int ih = rows.source(oh, i);
            if (ih < 0 || ih >= rows.in) {
              Arrays.fill(out, o, o + tapRow, 0f);
              o += tapRow;
              continue;
            }
            int line = image + ih * cols.in * c;
            int first = cols.source(ow, 0);
            if (contiguous && first >= 0 && first + cols.kernel <= cols.in) {
              // The whole row of taps lies inside the image, side by side: one copy.
              System.arraycopy(x, line + first * c, out, o, tapRow);
              o += tapRow;
              continue;
            }
            for (int j = 0; j < cols.kernel; j++) {
              int iw = cols.source(ow, j);
              if (iw < 0 || iw >= cols.in) {
                Arrays.fill(out, o, o + c, 0f);
              } else if (c == 1) {
                out[o] = x[line + iw];
              } else {
                System.arraycopy(x, line + iw * c, out, o, c);
              }
              o += c;
            }
          }
        }
      }
    }
  }

  /**
   * Sums the window-matrix gradient rows of the images {@code [from, to)} back onto those images
   * ("col2im") into {@code dx}; ranges of images touch disjoint parts of {@code dx}.
   */
  void scatter(float[] grad, int from, int to, float[] dx, Elementwise kernels) {
    int c = channels;
    int imageSize = rows.in * cols.in * c;
    Arrays.fill(dx, from * imageSize, to * imageSize, 0f);
    int tapRow = cols.kernel * c;
    int o = from * positions() * width();
    for (int n = from; n < to; n++) {
      int image = n * imageSize;
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++) {
          for (int i = 0; i < rows.kernel; i++) {
            int ih = rows.source(oh, i);
            if (ih < 0 || ih >= rows.in) {
              o += tapRow;
              continue;
            }
            int line = image + ih * cols.in * c;
            int first = cols.source(ow, 0);
            if (contiguous && first >= 0 && first + cols.kernel <= cols.in) {
              kernels.addInto(grad, o, dx, line + first * c, tapRow);
              o += tapRow;
              continue;
            }
            for (int j = 0; j < cols.kernel; j++) {
              int iw = cols.source(ow, j);
              if (iw >= 0 && iw < cols.in) {
                kernels.addInto(grad, o, dx, line + iw * c, c);
              }
              o += c;
            }
          }
        }
      }
    }
  }
}
