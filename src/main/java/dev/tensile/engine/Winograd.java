package dev.tensile.engine;

/**
 * The tile transforms of Winograd's minimal filtering {@code F(2 x 2, 3 x 3)}, which computes a
 * 3 x 3 convolution of stride 1 with 16 multiplications per 2 x 2 block of outputs and channel
 * pair instead of 36. An engine hands out its kernels with {@link MatrixEngine#winograd()}.
 *
 * <p>The images are channels-last and cut into tiles: tile {@code (ty, tx)} of image {@code n}
 * reads the 4 x 4 input pixels from row {@code 2 ty} and column {@code 2 tx} of an input that
 * the caller has padded to {@code (2 tilesHigh + 2) x (2 tilesWide + 2)} pixels, and yields the 2 x
 * 2 outputs from row {@code 2 ty} and column {@code 2 tx} of a {@code (2 tilesHigh) x (2
 * tilesWide)} output. The transformed tiles of the images {@code [from, to)} are the 16 matrices
 * of a block, one per position {@code xi = 4 r + s} of the 4 x 4 transform, {@code (tiles,
 * channels)} each: tile {@code (ty, tx)} of image {@code n} is row {@code ((n - from) tilesHigh +
 * ty) tilesWide + tx} of each. With {@code B^T = [[1, 0, -1, 0], [0, 1, 1, 0], [0,
 * -1, 1, 0], [0, 1, 0, -1]]} and {@code A^T = [[1, 1, 1, 0], [0, 1, -1, -1]]}, a tile's outputs
 * are {@code A^T M A} where {@code M = sum_c (G g G^T) * (B^T d B)} elementwise; the caller does
 * the sum over channels as one matrix product per position and the kernel's transform {@code G g
 * G^T} itself. Backward uses the adjoints: {@code A dY A^T} for the output gradient and {@code B
 * dV B^T} for the input's.
 *
 * <p>Each transform is a fixed sequence of additions and subtractions, the same in every
 * implementation, so implementations give the same bits. Every method works on the images {@code
 * [from, to)} of the batch, so that a layer can share them among threads ({@link
 * MatrixEngine#forEachRange}).
 */
public interface Winograd {
  /** Positions of the 4 x 4 transform: the number of matrices in a transformed batch. */
  int POSITIONS = 16;

  /**
   * {@code v[4 r + s][t][c] = (B^T d B)[r][s]} for the 4 x 4 input window {@code d} of each tile
   * and channel.
   *
   * @param x the padded input images, {@code (n, 2 tilesHigh + 2, 2 tilesWide + 2, channels)}; not
   *     modified
   * @param tilesHigh tiles per column of an image
   * @param tilesWide tiles per row of an image
   * @param channels the input channels
   * @param v the block's 16 transformed matrices, {@code (tiles, channels)} each; their rows for
   *     the images in range are overwritten
   * @param from the first image
   * @param to one past the last image
   */
  void inputTiles(
      float[] x, int tilesHigh, int tilesWide, int channels, float[][] v, int from, int to);

  /**
   * {@code y = A^T M A} for the 4 x 4 transformed outputs {@code M} of each tile and filter: the
   * convolution's outputs, before any bias.
   *
   * @param m the block's 16 transformed output matrices, {@code (tiles, filters)} each; not
   *     modified
   * @param tilesHigh tiles per column of an image
   * @param tilesWide tiles per row of an image
   * @param filters the output channels
   * @param y the output images, {@code (n, 2 tilesHigh, 2 tilesWide, filters)}; overwritten for
   *     the images in range
   * @param from the first image
   * @param to one past the last image
   */
  void outputTiles(
      float[][] m, int tilesHigh, int tilesWide, int filters, float[] y, int from, int to);

  /**
   * {@code dm[4 r + s][t][k] = (A dY A^T)[r][s]} for the 2 x 2 output gradient {@code dY} of each
   * tile and filter: the gradient with respect to the transformed outputs.
   *
   * @param dy the gradient with respect to the outputs, {@code (n, 2 tilesHigh, 2 tilesWide,
   *     filters)}; not modified
   * @param tilesHigh tiles per column of an image
   * @param tilesWide tiles per row of an image
   * @param filters the output channels
   * @param dm the block's 16 transformed gradient matrices, {@code (tiles, filters)} each; their
   *     rows for the images in range are overwritten
   * @param from the first image
   * @param to one past the last image
   */
  void outputGradientTiles(
      float[] dy, int tilesHigh, int tilesWide, int filters, float[][] dm, int from, int to);

  /**
   * The gradient with respect to the padded input: each tile adds {@code B dV B^T} onto its 4 x 4
   * window, tiles in order, onto images first set to zero.
   *
   * @param dv the block's 16 gradient matrices with respect to the transformed inputs, {@code
   *     (tiles, channels)} each; not modified
   * @param tilesHigh tiles per column of an image
   * @param tilesWide tiles per row of an image
   * @param channels the input channels
   * @param dx the gradient with respect to the padded input, {@code (n, 2 tilesHigh + 2, 2
   *     tilesWide + 2, channels)}; overwritten for the images in range
   * @param from the first image
   * @param to one past the last image
   */
  void inputGradientTiles(
      float[][] dv, int tilesHigh, int tilesWide, int channels, float[] dx, int from, int to);
}
