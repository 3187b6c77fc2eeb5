package dev.tensile.engine;

/**
 * The tile transforms of Winograd's minimal filtering {@code F(4 x 4, 3 x 3)}: a 3 x 3
 * convolution of stride 1 with 36 multiplications per 4 x 4 block of outputs and channel pair
 * instead of 144, against {@link Winograd}'s 16 per 2 x 2 block. Its transforms use the points
 * 0, 1, -1, 2 and -2, so their coefficients reach 8 and their rounding is a few times larger than
 * {@code F(2 x 2, 3 x 3)}'s. An engine hands out its kernels with {@link
 * MatrixEngine#winogradF4()}.
 *
 * <p>The images are channels-last and cut into tiles: tile {@code (ty, tx)} of image {@code n}
 * reads the 6 x 6 input pixels from row {@code 4 ty} and column {@code 4 tx} of an input that the
 * caller has padded to {@code (4 tilesHigh + 2) x (4 tilesWide + 2)} pixels, and yields the 4 x 4
 * outputs from row {@code 4 ty} and column {@code 4 tx} of an output of {@code height x width}
 * pixels; the tiles of the last row and column yield only the outputs inside it, so {@code height}
 * is at most {@code 4 tilesHigh} and more than {@code 4 (tilesHigh - 1)}, and so for the width.
 * The transformed tiles of the images {@code [from, to)} are the 36 matrices of a block, one per
 * position {@code xi = 6 r + s} of the 6 x 6 transform, {@code (tiles, channels)} each: tile
 * {@code (ty, tx)} of image {@code n} is row {@code ((n - from) tilesHigh + ty) tilesWide + tx}.
 *
 * <p>With
 *
 * <pre>{@code
 * B^T = [[4,  0, -5,  0, 1, 0],     A^T = [[1, 1,  1, 1,  1, 0],
 *        [0, -4, -4,  1, 1, 0],            [0, 1, -1, 2, -2, 0],
 *        [0,  4, -4, -1, 1, 0],            [0, 1,  1, 4,  4, 0],
 *        [0, -2, -1,  2, 1, 0],            [0, 1, -1, 8, -8, 1]]
 *        [0,  2, -1, -2, 1, 0],
 *        [0,  4,  0, -5, 0, 1]]
 * }</pre>
 *
 * a tile's outputs are {@code A^T M A} where {@code M = sum_c U * (B^T d B)} elementwise and
 * {@code U} is the kernel's transform {@code G g G^T}; the caller does the sum over channels as
 * one matrix product per position, and the kernel's transform itself. Backward uses the adjoints:
 * {@code A dY A^T} for the output gradient and {@code B dV B^T} for the input's.
 *
 * <p>Each transform is a fixed sequence of operations, the same in every implementation, so
 * implementations give the same bits. Every method works on the images {@code [from, to)} of the
 * batch, so that a layer can share them among threads ({@link MatrixEngine#forEachRange}).
 */
public interface WinogradF4 {
  /** Positions of the 6 x 6 transform: the number of matrices in a transformed batch. */
  int POSITIONS = 36;

  /** Outputs along each side of a tile. */
  int TILE = 4;

  /**
   * {@code v[6 r + s][t][c] = (B^T d B)[r][s]} for the 6 x 6 input window {@code d} of each tile
   * and channel.
   *
   * @param x the padded input images, {@code (n, 4 tilesHigh + 2, 4 tilesWide + 2, channels)}; not
   *     modified
   * @param tilesHigh tiles per column of an image
   * @param tilesWide tiles per row of an image
   * @param channels the input channels
   * @param v the block's 36 transformed matrices, {@code (tiles, channels)} each; their rows for
   *     the images in range are overwritten
   * @param from the first image
   * @param to one past the last image
   */
  void inputTiles(
      float[] x, int tilesHigh, int tilesWide, int channels, float[][] v, int from, int to);

  /**
   * {@code y = A^T M A} for the 6 x 6 transformed outputs {@code M} of each tile and filter, the
   * part inside the image: the convolution's outputs, before any bias.
   *
   * @param m the block's 36 transformed output matrices, {@code (tiles, filters)} each; not
   *     modified
   * @param tilesHigh tiles per column of an image
   * @param tilesWide tiles per row of an image
   * @param height output rows of an image
   * @param width output columns of an image
   * @param filters the output channels
   * @param y the output images, {@code (n, height, width, filters)}; overwritten for the images in
   *     range
   * @param from the first image
   * @param to one past the last image
   */
  void outputTiles(float[][] m, int tilesHigh, int tilesWide, int height, int width, int filters,
      float[] y, int from, int to);

  /**
   * {@code dm[6 r + s][t][k] = (A dY A^T)[r][s]} for the 4 x 4 output gradient {@code dY} of each
   * tile and filter, zero outside the image: the gradient with respect to the transformed outputs.
   *
   * @param dy the gradient with respect to the outputs, {@code (n, height, width, filters)}; not
   *     modified
   * @param tilesHigh tiles per column of an image
   * @param tilesWide tiles per row of an image
   * @param height output rows of an image
   * @param width output columns of an image
   * @param filters the output channels
   * @param dm the block's 36 transformed gradient matrices, {@code (tiles, filters)} each; their
   *     rows for the images in range are overwritten
   * @param from the first image
   * @param to one past the last image
   */
  void outputGradientTiles(float[] dy, int tilesHigh, int tilesWide, int height, int width,
      int filters, float[][] dm, int from, int to);

  /**
   * The gradient with respect to the padded input: each tile adds {@code B dV B^T} onto its 6 x 6
   * window, tiles in order, onto images first set to zero.
   *
   * @param dv the block's 36 gradient matrices with respect to the transformed inputs, {@code
   *     (tiles, channels)} each; not modified
   * @param tilesHigh tiles per column of an image
   * @param tilesWide tiles per row of an image
   * @param channels the input channels
   * @param dx the gradient with respect to the padded input, {@code (n, 4 tilesHigh + 2, 4
   *     tilesWide + 2, channels)}; overwritten for the images in range
   * @param from the first image
   * @param to one past the last image
   */
  void inputGradientTiles(
      float[][] dv, int tilesHigh, int tilesWide, int channels, float[] dx, int from, int to);
}
