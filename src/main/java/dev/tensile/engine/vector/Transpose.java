package dev.tensile.engine.vector;

/** A plain transposing copy, eight source rows at a time so that each pass writes runs of eight. */
final class Transpose {
  private static final int GROUP = 8;
  private static final int TILE = 32;

  private Transpose() {}

  /**
   * {@code dst[j * dstStride + i] = src[i * srcStride + j]} for {@code i < rows, j < cols}.
   *
   * @param src the source matrix; not modified
   * @param srcStride distance between the source's rows
   * @param rows rows of the source
   * @param cols columns of the source
   * @param dst the destination, cols x rows; modified
   * @param dstStride distance between the destination's rows
   */
  static void copy(float[] src, int srcStride, int rows, int cols, float[] dst, int dstStride) {
    int i = 0;
    for (; i + GROUP <= rows; i += GROUP) {
      for (int j0 = 0; j0 < cols; j0 += TILE) {
        int j1 = Math.min(cols, j0 + TILE);
        int s = i * srcStride + j0;
        int d = j0 * dstStride + i;
        for (int j = j0; j < j1; j++) {
          dst[d] = src[s];
          dst[d + 1] = src[s + srcStride];
          dst[d + 2] = src[s + 2 * srcStride];
          dst[d + 3] = src[s + 3 * srcStride];
          dst[d + 4] = src[s + 4 * srcStride];
          dst[d + 5] = src[s + 5 * srcStride];
          dst[d + 6] = src[s + 6 * srcStride];
          dst[d + 7] = src[s + 7 * srcStride];
          s++;
          d += dstStride;
        }
      }
    }
    for (; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        dst[j * dstStride + i] = src[i * srcStride + j];
      }
    }
  }
}
