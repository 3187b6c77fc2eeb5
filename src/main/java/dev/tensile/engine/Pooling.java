package dev.tensile.engine;

/**
 * Max pooling over non-overlapping tiles ({@link PoolTiles}), forward and backward, for a range
 * of the batch's images so that a layer can share the images among threads ({@link
 * MatrixEngine#forEachRange}). Implementations give the same bits: a maximum is exact whatever
 * the order. An engine hands out its kernels with {@link MatrixEngine#pooling()}.
 */
public interface Pooling {
  /**
   * {@code y[n][oh][ow][k]} is the largest {@code x[n][i][j][k]} over the tile's pixels, taken
   * as {@link Math#max(float, float)} does (a NaN wins, {@code +0} beats {@code -0}), for the
   * images {@code [from, to)}.
   *
   * @param tiles the geometry
   * @param x the input images; not modified
   * @param y the output images; modified for the images in range
   * @param from the first image
   * @param to one past the last image
   */
  void maxPool(PoolTiles tiles, float[] x, float[] y, int from, int to);

  /**
   * The gradient of {@link #maxPool}: each output's gradient goes to the first pixel of its tile,
   * in row-major order, whose value equals the output; every other element of {@code dx} in the
   * images {@code [from, to)} is set to 0 (the pixels that belong to no tile among them).
   *
   * @param tiles the geometry
   * @param x the forward pass's input; not modified
   * @param y the forward pass's output; not modified
   * @param dy the gradient with respect to {@code y}; not modified
   * @param dx the gradient with respect to {@code x}; overwritten for the images in range
   * @param from the first image
   * @param to one past the last image
   */
  void maxPoolBackward(PoolTiles tiles, float[] x, float[] y, float[] dy, float[] dx, int from,
      int to);
}
