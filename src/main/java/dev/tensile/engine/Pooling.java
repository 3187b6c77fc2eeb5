package dev.tensile.engine;

/**
 * Max pooling over non-overlapping tiles ({@link PoolTiles}), forward and backward, for a range
 * of the batch's images so that a layer can share the images among threads ({@link
 * MatrixEngine#forEachRange}). Implementations give the same bits: maxima and comparisons are
 * exact. An engine hands out its kernels with {@link MatrixEngine#pooling()}.
 */
public interface Pooling {
  /**
   * {@code y[n][oh][ow][k]} is the largest {@code x[n][i][j][k]} over the tile's pixels, visited
   * in row-major order from the first, a pixel replacing the maximum so far only when strictly
   * larger (so the first of equal maxima wins, and a NaN only when it comes first), and {@code
   * winner} the number of the winning pixel in that order (0 to {@code poolHeight * poolWidth -
   * 1}, as a float), for the images {@code [from, to)}.
   *
   * @param tiles the geometry
   * @param x the input images; not modified
   * @param y the output images; modified for the images in range
   * @param winner as long as {@code y}; modified for the images in range
   * @param from the first image
   * @param to one past the last image
   */
  void maxPool(PoolTiles tiles, float[] x, float[] y, float[] winner, int from, int to);

  /**
   * The gradient of {@link #maxPool}: each output's gradient goes to its tile's winning pixel;
   * every other element of {@code dx} in the images {@code [from, to)} is set to 0 (the pixels
   * that belong to no tile among them).
   *
   * @param tiles the geometry
   * @param winner the forward pass's winners; not modified
   * @param dy the gradient with respect to the output; not modified
   * @param dx the gradient with respect to the input; overwritten for the images in range
   * @param from the first image
   * @param to one past the last image
   */
  void maxPoolBackward(PoolTiles tiles, float[] winner, float[] dy, float[] dx, int from, int to);
}
