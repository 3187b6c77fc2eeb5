package dev.tensile.layers;

import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.engine.MatrixEngine.RangeTask;
import dev.tensile.tensor.Buffers;
import java.util.Arrays;

/**
 * A {@link Conv2D} of a 3 x 3 kernel, stride and dilation 1, computed by Winograd's minimal
 * filtering: per block of a few images, one matrix product of {@code (tiles, channels) x
 * (channels, filters)} per position of the tiles' transform, instead of one of {@code (pixels, 9
 * channels) x (9 channels, filters)}, and no im2col matrix nine times the input's size. Backward
 * uses the same products' adjoints. Two tilings ({@link WinogradTiles}) share the work here:
 * {@code F(2 x 2, 3 x 3)}, 16 products for 2 x 2 outputs (2.25 times fewer multiply-adds than
 * im2col), for even output extents; and {@code F(4 x 4, 3 x 3)}, 36 for 4 x 4 (4 times fewer,
 * less the outputs that the last tiles compute past the image), for odd ones, and on JDK 25 or
 * later for even ones where it makes fewer products ({@link #tilingFor}).
 *
 * <p>A block's transformed outputs and gradients live only while the block is computed, in
 * buffers of the thread computing it, small enough to stay in its core's cache; only the
 * transformed inputs are kept for backward. The blocks are fixed by the batch size alone and
 * shared among threads, and the kernel's gradient sums the blocks' parts in block order, so the
 * results are the same for any thread count. They differ from im2col's in rounding only: the
 * transforms' coefficients are 0, 1, -1 and 1/2 for {@code F(2 x 2)}; up to 8 and 1/6 for {@code
 * F(4 x 4)}, whose largest error against im2col is about 13 times {@code F(2 x 2)}'s (some twenty
 * times below the 1e-4 the Keras comparisons allow).
 *
 * <p>Buffers grow with the batch once and are reused, so a step allocates nothing.
 */
final class WinogradConvolution implements ConvolutionAlgorithm {
  /**
   * The fewest input channels for which the layer uses this algorithm: with fewer, the products'
   * inner dimension is too short for the transforms' passes to pay.
   */
  static final int MIN_CHANNELS = 8;

  /**
   * Whether {@code F(4 x 4, 3 x 3)} may also take even output extents where it makes fewer
   * products: on JDK 25 it ran the chapter's model 4% faster in every run; on JDK 17 the epoch was
   * no faster (see {@link #tilingFor}).
   */
  static final boolean LARGE_TILES_FOR_EVEN = Runtime.version().feature() >= 25;

  /**
   * Images per block, at most, however few tiles an image has, so that a batch of 32 makes at
   * least 4 blocks, two per thread. On 7 x 7 outputs (4 tiles an image), blocks of 32 images ran
   * {@code F(4 x 4)}'s forward in 0.36 ms, of 8 in 0.25 ms and of 4 in 0.28 ms.
   */
  static final int MAX_BLOCK_IMAGES = 8;

  private final WinogradTiles tiling;
  /** Positions of the tiles' transform: products per block. */
  private final int positions;
  /** Outputs along a tile's side. */
  private final int size;

  private final int height;
  private final int width;
  private final int channels;
  private final int filters;
  private final int padTop;
  private final int padLeft;
  private final int outHeight;
  private final int outWidth;
  private final int tilesHigh;
  private final int tilesWide;
  /** Whether the input must be copied into a zero-bordered buffer (padding {@code same}). */
  private final boolean padded;
  /** Images per block. */
  private final int blockImages;

  private final float[][] u;
  /** The transposed U, {@code (filters, channels)} each, for the input gradient's products. */
  private final float[][] ut;
  private final float[][] du;
  /** Per block: the transformed inputs, kept from forward for backward. */
  private float[][][] v = new float[0][][];
  /** Per block: its part of the transformed kernel gradient. */
  private float[][][] blockDu = new float[0][][];
  private final ThreadLocal<BlockBuffers> buffers;
  private float[] paddedInput;
  private float[] paddedGradient;

  private int batch;
  /** The kernel being transformed, during {@link #forward}. */
  private float[] kernelValues;
  private float[] x;
  private float[] out;
  /** The bias to add before relu during {@link #forward}, or null. */
  private float[] reluBias;
  private float[] dx;

  private final RangeTask forwardBlocks = this::forwardBlocks;
  private final RangeTask backwardBlocks = this::backwardBlocks;
  private final RangeTask sumKernelGradient = this::sumKernelGradient;
  private final RangeTask transformKernel = this::transformKernel;

  /** A thread's buffers for the block it computes: one matrix of each kind per position. */
  private static final class BlockBuffers {
    final float[][] m;
    final float[][] dv;
    /** One channel pair's kernel, or its gradient, between the two halves of its transform. */
    final float[] taps = new float[24];

    BlockBuffers(int positions, int tiles, int channels, int filters) {
      m = new float[positions][tiles * filters];
      dv = new float[positions][tiles * channels];
    }
  }

  private WinogradConvolution(
      Window rows, Window cols, int channels, int filters, WinogradTiles tiling) {
    this.tiling = tiling;
    this.positions = tiling.positions();
    this.size = tiling.size();
    this.height = rows.in;
    this.width = cols.in;
    this.channels = channels;
    this.filters = filters;
    this.padTop = rows.padBefore;
    this.padLeft = cols.padBefore;
    this.outHeight = rows.out;
    this.outWidth = cols.out;
    this.tilesHigh = (rows.out + size - 1) / size;
    this.tilesWide = (cols.out + size - 1) / size;
    this.padded = padTop > 0 || padLeft > 0 || size * tilesHigh + 2 != height
        || size * tilesWide + 2 != width;
    int perImage = tilesHigh * tilesWide;
    int byTiles = (tiling.blockTiles() + perImage - 1) / perImage;
    this.blockImages = Math.max(1, Math.min(MAX_BLOCK_IMAGES, byTiles));
    int tiles = blockImages * perImage;
    this.buffers = ThreadLocal.withInitial(
        () -> new BlockBuffers(positions, tiles, channels, filters));
    u = new float[positions][channels * filters];
    ut = new float[positions][channels * filters];
    du = new float[positions][channels * filters];
  }

  /**
   * Returns the algorithm for a layer's geometry, or null where it does not apply: a kernel other
   * than 3 x 3, a stride or dilation above 1, or fewer than {@link #MIN_CHANNELS} input channels.
   *
   * @param rows the vertical window
   * @param cols the horizontal window
   * @param channels input channels
   * @param filters output channels
   * @return the algorithm, or null
   */
  static WinogradConvolution forGeometry(Window rows, Window cols, int channels, int filters) {
    boolean applies = channels >= MIN_CHANNELS && fits(rows) && fits(cols);
    return applies
        ? new WinogradConvolution(rows, cols, channels, filters,
            tilingFor(rows.out, cols.out, LARGE_TILES_FOR_EVEN))
        : null;
  }

  private static boolean fits(Window axis) {
    return axis.kernel == 3 && axis.stride == 1 && axis.dilation == 1 && axis.out > 0;
  }

  /**
   * {@code F(4 x 4)} for odd output extents, where {@code F(2 x 2)}'s tiles do not fit; for even
   * ones {@code F(2 x 2)}, or, if {@code largeForEven}, whichever makes fewer products ({@code F(2 x
   * 2)} on a tie, as it rounds less). On the chapter's 14 x 14 outputs {@code F(4 x 4)} makes 1.36
   * times fewer products (16 tiles of 36 positions against 49 of 16). Measured in the whole model,
   * it made the epoch 4% faster on JDK 25 in every run. On JDK 17 it made the layers alone 8%
   * faster, yet the epoch on the real data took the same time (medians of five runs alternating,
   * 5.99 s against 6.01 s with {@code F(2 x 2)}).
   *
   * @param outHeight output rows
   * @param outWidth output columns
   * @param largeForEven whether even extents may take {@code F(4 x 4)}
   * @return the tiling
   */
  static WinogradTiles tilingFor(int outHeight, int outWidth, boolean largeForEven) {
    if (outHeight % 2 != 0 || outWidth % 2 != 0) {
      return WinogradTilesF4.INSTANCE;
    }
    long small = 16L * (outHeight / 2) * (outWidth / 2);
    long large = 36L * ((outHeight + 3) / 4) * ((outWidth + 3) / 4);
    return largeForEven && large < small ? WinogradTilesF4.INSTANCE : WinogradTilesF2.INSTANCE;
  }

  /**
   * Returns the tiling the layer computes by.
   *
   * @return the tiling
   */
  WinogradTiles tiling() {
    return tiling;
  }

  /**
   * Transforms the kernel and the blocks' tiles, multiplies, and transforms back; the bias and
   * relu, if given, block by block right after.
   */
  @Override
  public void forward(float[] input, float[] kernel, int batch, float[] z, float[] bias) {
    resize(batch);
    kernelValues = kernel;
    Engines.current().forEachRange(channels, transformKernel);
    kernelValues = null;
    x = input;
    if (padded) {
      paddedInput = Buffers.ensure(paddedInput, batch * paddedImage());
    }
    out = z;
    reluBias = bias;
    Engines.current().forEachRange(blocks(), forwardBlocks);
    x = null;
    out = null;
    reluBias = null;
  }

  /**
   * Computes the kernel's gradient from the tiles kept by forward, the blocks' parts summed in
   * block order; the kernel is not read again (forward kept its transpose).
   */
  @Override
  public void backward(
      float[] dz, int batch, float[] kernel, float[] kernelGradient, float[] inputGradient) {
    if (batch != this.batch) {
      throw new IllegalStateException(
          "backward's batch of " + batch + " does not follow forward's of " + this.batch);
    }
    MatrixEngine engine = Engines.current();
    out = dz;
    dx = inputGradient;
    if (padded && inputGradient != null) {
      paddedGradient = Buffers.ensure(paddedGradient, batch * paddedImage());
    }
    engine.forEachRange(blocks(), backwardBlocks);
    out = null;
    dx = null;
    engine.forEachRange(positions, sumKernelGradient);
    tiling.untransformKernel(du, channels * filters, kernelGradient, buffers.get().taps);
  }

  private int blocks() {
    return (batch + blockImages - 1) / blockImages;
  }

  private void resize(int newBatch) {
    batch = newBatch;
    int blocks = blocks();
    if (v.length < blocks) {
      int blockTiles = blockImages * tilesHigh * tilesWide;
      float[][][] grownV = Arrays.copyOf(v, blocks);
      float[][][] grownDu = Arrays.copyOf(blockDu, blocks);
      for (int b = v.length; b < blocks; b++) {
        grownV[b] = new float[positions][blockTiles * channels];
        grownDu[b] = new float[positions][channels * filters];
      }
      v = grownV;
      blockDu = grownDu;
    }
  }

  private int paddedImage() {
    return (size * tilesHigh + 2) * (size * tilesWide + 2) * channels;
  }

  /** Forward for the blocks {@code [from, to)}: pad, transform, multiply, transform back. */
  private void forwardBlocks(int from, int to) {
    MatrixEngine engine = Engines.current();
    float[][] m = buffers.get().m;
    for (int b = from; b < to; b++) {
      int first = b * blockImages;
      int last = Math.min(batch, first + blockImages);
      int tiles = (last - first) * tilesHigh * tilesWide;
      float[] source = x;
      if (padded) {
        pad(first, last);
        source = paddedInput;
      }
      tiling.inputTiles(engine, source, tilesHigh, tilesWide, channels, v[b], first, last);
      for (int p = 0; p < positions; p++) {
        engine.mult(v[b][p], u[p], m[p], tiles, channels, filters);
      }
      tiling.outputTiles(
          engine, m, tilesHigh, tilesWide, outHeight, outWidth, filters, out, first, last);
      if (reluBias != null) {
        ConvolutionAlgorithm.addBiasRelu(
            out, reluBias, outHeight * outWidth, filters, first, last);
      }
    }
  }

  /**
   * Backward for the blocks {@code [from, to)}: the output gradient transformed, the block's part
   * of the transformed kernel gradient, and the input gradient.
   */
  private void backwardBlocks(int from, int to) {
    MatrixEngine engine = Engines.current();
    BlockBuffers own = buffers.get();
    for (int b = from; b < to; b++) {
      int first = b * blockImages;
      int last = Math.min(batch, first + blockImages);
      int tiles = (last - first) * tilesHigh * tilesWide;
      tiling.outputGradientTiles(
          engine, out, tilesHigh, tilesWide, outHeight, outWidth, filters, own.m, first, last);
      for (int p = 0; p < positions; p++) {
        engine.multTransA(v[b][p], own.m[p], blockDu[b][p], channels, tiles, filters);
      }
      if (dx == null) {
        continue;
      }
      for (int p = 0; p < positions; p++) {
        engine.mult(own.m[p], ut[p], own.dv[p], tiles, filters, channels);
      }
      float[] target = padded ? paddedGradient : dx;
      tiling.inputGradientTiles(
          engine, own.dv, tilesHigh, tilesWide, channels, target, first, last);
      if (padded) {
        unpad(first, last);
      }
    }
  }

  /** The transformed kernel gradient at positions {@code [from, to)}: the blocks' parts in order. */
  private void sumKernelGradient(int from, int to) {
    int pairs = channels * filters;
    int blocks = blocks();
    for (int p = from; p < to; p++) {
      System.arraycopy(blockDu[0][p], 0, du[p], 0, pairs);
      for (int b = 1; b < blocks; b++) {
        Engines.current().elementwise().addInto(blockDu[b][p], 0, du[p], 0, pairs);
      }
    }
  }

  /**
   * {@code U = G g G^T} for every channel pair of the input channels {@code [from, to)}, and U's
   * transpose. Ranges of channels write disjoint elements, so threads can share the channels.
   */
  private void transformKernel(int from, int to) {
    tiling.transformKernel(
        kernelValues, channels * filters, from * filters, to * filters, u, buffers.get().taps);
    for (int p = 0; p < positions; p++) {
      float[] plain = u[p];
      float[] transposed = ut[p];
      for (int c = from; c < to; c++) {
        for (int k = 0; k < filters; k++) {
          transposed[k * channels + c] = plain[c * filters + k];
        }
      }
    }
  }

  /** Copies the images {@code [from, to)} into the middle of the zero-bordered input. */
  private void pad(int from, int to) {
    copyInterior(x, paddedInput, true, from, to);
  }

  /** Copies the middle of the padded input gradient of the images {@code [from, to)} out. */
  private void unpad(int from, int to) {
    copyInterior(paddedGradient, dx, false, from, to);
  }

  private void copyInterior(float[] source, float[] target, boolean intoPadded, int from, int to) {
    int line = width * channels;
    int paddedLine = (size * tilesWide + 2) * channels;
    int image = paddedImage();
    for (int n = from; n < to; n++) {
      for (int i = 0; i < height; i++) {
        int plain = (n * height + i) * line;
        int inPadded = n * image + (i + padTop) * paddedLine + padLeft * channels;
        if (intoPadded) {
          System.arraycopy(source, plain, target, inPadded, line);
        } else {
          System.arraycopy(source, inPadded, target, plain, line);
        }
      }
    }
  }
}
