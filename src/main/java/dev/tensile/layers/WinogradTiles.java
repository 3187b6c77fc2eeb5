package dev.tensile.layers;

import dev.tensile.engine.MatrixEngine;

/**
 * One of Winograd's tilings for {@link WinogradConvolution}: a tile's outputs per side, the
 * positions of its transform, the kernel's transform {@code G g G^T} and its adjoint, and the
 * engine's tile transforms. The images are laid out as {@link dev.tensile.engine.WinogradF4}
 * describes, with the tile's own size.
 */
interface WinogradTiles {
  /**
   * Returns the outputs along each side of a tile.
   *
   * @return 2 or 4
   */
  int size();

  /**
   * Returns the positions of the transform: the number of products per block.
   *
   * @return {@code (size + 2)^2}
   */
  int positions();

  /**
   * Returns the tiles a block should hold, at least: few enough that a block's transformed outputs
   * stay about the size of a core's level-2 cache, many enough that its products have rows to
   * spare.
   *
   * @return tiles per block
   */
  int blockTiles();

  /**
   * {@code U = G g G^T} for the channel pairs {@code [from, to)}.
   *
   * @param g the kernel, {@code (3, 3, channels, filters)}
   * @param pairs channels times filters
   * @param from the first pair
   * @param to one past the last pair
   * @param u the transformed kernel, one {@code (channels, filters)} matrix per position; written
   *     at the pairs in range
   * @param taps the calling thread's room for one pair between the passes, 24 floats
   */
  void transformKernel(float[] g, int pairs, int from, int to, float[][] u, float[] taps);

  /**
   * The kernel's gradient {@code G^T dU G} from the transformed one, every pair.
   *
   * @param du the transformed kernel gradient, one matrix per position
   * @param pairs channels times filters
   * @param dg the kernel's gradient, {@code (3, 3, channels, filters)}; overwritten
   * @param taps room for one pair between the passes, 24 floats
   */
  void untransformKernel(float[][] du, int pairs, float[] dg, float[] taps);

  /**
   * The engine's input transform of the images {@code [from, to)}.
   *
   * @param engine the engine
   * @param x the padded input
   * @param tilesHigh tiles per column
   * @param tilesWide tiles per row
   * @param channels input channels
   * @param v the block's transformed inputs
   * @param from the first image
   * @param to one past the last image
   */
  void inputTiles(MatrixEngine engine, float[] x, int tilesHigh, int tilesWide, int channels,
      float[][] v, int from, int to);

  /**
   * The engine's output transform of the images {@code [from, to)}.
   *
   * @param engine the engine
   * @param m the block's transformed outputs
   * @param tilesHigh tiles per column
   * @param tilesWide tiles per row
   * @param height output rows
   * @param width output columns
   * @param filters output channels
   * @param y the outputs
   * @param from the first image
   * @param to one past the last image
   */
  void outputTiles(MatrixEngine engine, float[][] m, int tilesHigh, int tilesWide, int height,
      int width, int filters, float[] y, int from, int to);

  /**
   * The engine's transform of the output gradient of the images {@code [from, to)}.
   *
   * @param engine the engine
   * @param dy the output gradient
   * @param tilesHigh tiles per column
   * @param tilesWide tiles per row
   * @param height output rows
   * @param width output columns
   * @param filters output channels
   * @param dm the block's transformed gradients
   * @param from the first image
   * @param to one past the last image
   */
  void outputGradientTiles(MatrixEngine engine, float[] dy, int tilesHigh, int tilesWide,
      int height, int width, int filters, float[][] dm, int from, int to);

  /**
   * The engine's transform back onto the padded input gradient of the images {@code [from, to)}.
   *
   * @param engine the engine
   * @param dv the block's gradients of the transformed inputs
   * @param tilesHigh tiles per column
   * @param tilesWide tiles per row
   * @param channels input channels
   * @param dx the padded input gradient
   * @param from the first image
   * @param to one past the last image
   */
  void inputGradientTiles(MatrixEngine engine, float[][] dv, int tilesHigh, int tilesWide,
      int channels, float[] dx, int from, int to);
}
