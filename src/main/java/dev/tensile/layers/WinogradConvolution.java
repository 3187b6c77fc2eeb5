package dev.tensile.layers;

import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.engine.MatrixEngine.RangeTask;
import dev.tensile.engine.Winograd;
import dev.tensile.tensor.Buffers;
import java.util.Arrays;

/**
 * A {@link Conv2D} of a 3 x 3 kernel, stride and dilation 1, computed by Winograd's {@code F(2 x
 * 2, 3 x 3)}: per block of a few images, 16 matrix products of {@code (tiles, channels) x
 * (channels, filters)}, one per position of the 4 x 4 transform, instead of one of {@code (pixels,
 * 9 channels) x (9 channels, filters)}: 2.25 times fewer multiply-adds, and no im2col matrix nine
 * times the input's size. Backward uses the same products' adjoints. The engine's {@link
 * Winograd} transforms do the tiles; the kernel's own transform ({@code G g G^T}, 16 floats per
 * channel pair) is done here.
 *
 * <p>A block's transformed outputs and gradients live only while the block is computed, in
 * buffers of the thread computing it, small enough to stay in its core's cache; only the
 * transformed inputs are kept for backward. The blocks are fixed by the batch size alone and
 * shared among threads, and the kernel's gradient sums the blocks' parts in block order, so the
 * results are the same for any thread count. They differ from im2col's in rounding only (the
 * transforms' coefficients are 0, 1, -1 and 1/2).
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
   * Tiles per block, at least: a block of about 200 tiles keeps its 16 transformed outputs (200 x
   * 64 filters x 16 floats, 800 KB) about the size of a core's level-2 cache. Measured on the
   * chapter's model, 4 images a block ran about 10% faster than 2 (more rows per product, fewer
   * products and parts to sum) and no slower than 6.
   */
  static final int BLOCK_TILES = 192;

  private static final int P = Winograd.POSITIONS;

  private final int height;
  private final int width;
  private final int channels;
  private final int filters;
  private final int padTop;
  private final int padLeft;
  private final int tilesHigh;
  private final int tilesWide;
  /** Whether the input must be copied into a zero-bordered buffer (padding {@code same}). */
  private final boolean padded;
  /** Images per block. */
  private final int blockImages;

  private final float[][] u = new float[P][];
  /** The transposed U, {@code (filters, channels)} each, for the input gradient's products. */
  private final float[][] ut = new float[P][];
  private final float[][] du = new float[P][];
  /** Per block: the transformed inputs, kept from forward for backward. */
  private float[][][] v = new float[0][][];
  /** Per block: its part of the transformed kernel gradient. */
  private float[][][] blockDu = new float[0][][];
  private final ThreadLocal<BlockBuffers> buffers;
  private float[] paddedInput;
  private float[] paddedGradient;
  /** One channel pair's kernel between the two halves of its transform. */
  private final float[] taps = new float[12];

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

  /** A thread's buffers for the block it computes: 16 matrices of each kind. */
  private static final class BlockBuffers {
    final float[][] m = new float[P][];
    final float[][] dv = new float[P][];
  }

  private WinogradConvolution(Window rows, Window cols, int channels, int filters) {
    this.height = rows.in;
    this.width = cols.in;
    this.channels = channels;
    this.filters = filters;
    this.padTop = rows.padBefore;
    this.padLeft = cols.padBefore;
    this.tilesHigh = rows.out / 2;
    this.tilesWide = cols.out / 2;
    this.padded = padTop > 0 || padLeft > 0 || 2 * tilesHigh + 2 != height
        || 2 * tilesWide + 2 != width;
    int perImage = tilesHigh * tilesWide;
    this.blockImages = Math.max(1, (BLOCK_TILES + perImage - 1) / perImage);
    int blockTiles = blockImages * perImage;
    this.buffers = ThreadLocal.withInitial(() -> {
      BlockBuffers b = new BlockBuffers();
      for (int p = 0; p < P; p++) {
        b.m[p] = new float[blockTiles * filters];
        b.dv[p] = new float[blockTiles * channels];
      }
      return b;
    });
    for (int p = 0; p < P; p++) {
      u[p] = new float[channels * filters];
      ut[p] = new float[channels * filters];
      du[p] = new float[channels * filters];
    }
  }

  /**
   * Returns the algorithm for a layer's geometry, or null where it does not apply: a kernel other
   * than 3 x 3, a stride or dilation above 1, an odd output extent, or fewer than {@link
   * #MIN_CHANNELS} input channels.
   *
   * @param rows the vertical window
   * @param cols the horizontal window
   * @param channels input channels
   * @param filters output channels
   * @return the algorithm, or null
   */
  static WinogradConvolution forGeometry(Window rows, Window cols, int channels, int filters) {
    boolean applies = channels >= MIN_CHANNELS && fits(rows) && fits(cols);
    return applies ? new WinogradConvolution(rows, cols, channels, filters) : null;
  }

  private static boolean fits(Window axis) {
    return axis.kernel == 3 && axis.stride == 1 && axis.dilation == 1 && axis.out % 2 == 0
        && axis.out > 0;
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
    engine.forEachRange(P, sumKernelGradient);
    untransformKernelGradient(kernelGradient);
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
        grownV[b] = new float[P][blockTiles * channels];
        grownDu[b] = new float[P][channels * filters];
      }
      v = grownV;
      blockDu = grownDu;
    }
  }

  private int paddedImage() {
    return (2 * tilesHigh + 2) * (2 * tilesWide + 2) * channels;
  }

  /** Forward for the blocks {@code [from, to)}: pad, transform, multiply, transform back. */
  private void forwardBlocks(int from, int to) {
    MatrixEngine engine = Engines.current();
    Winograd kernels = engine.winograd();
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
      kernels.inputTiles(source, tilesHigh, tilesWide, channels, v[b], first, last);
      for (int p = 0; p < P; p++) {
        engine.mult(v[b][p], u[p], m[p], tiles, channels, filters);
      }
      kernels.outputTiles(m, tilesHigh, tilesWide, filters, out, first, last);
      if (reluBias != null) {
        ConvolutionAlgorithm.addBiasRelu(
            out, reluBias, 4 * tilesHigh * tilesWide, filters, first, last);
      }
    }
  }

  /**
   * Backward for the blocks {@code [from, to)}: the output gradient transformed, the block's part
   * of the transformed kernel gradient, and the input gradient.
   */
  private void backwardBlocks(int from, int to) {
    MatrixEngine engine = Engines.current();
    Winograd kernels = engine.winograd();
    BlockBuffers own = buffers.get();
    for (int b = from; b < to; b++) {
      int first = b * blockImages;
      int last = Math.min(batch, first + blockImages);
      int tiles = (last - first) * tilesHigh * tilesWide;
      kernels.outputGradientTiles(out, tilesHigh, tilesWide, filters, own.m, first, last);
      for (int p = 0; p < P; p++) {
        engine.multTransA(v[b][p], own.m[p], blockDu[b][p], channels, tiles, filters);
      }
      if (dx == null) {
        continue;
      }
      for (int p = 0; p < P; p++) {
        engine.mult(own.m[p], ut[p], own.dv[p], tiles, filters, channels);
      }
      float[] target = padded ? paddedGradient : dx;
      kernels.inputGradientTiles(own.dv, tilesHigh, tilesWide, channels, target, first, last);
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
   * {@code U = G g G^T} for every channel pair of the input channels {@code [from, to)}, with
   * {@code G = [[1, 0, 0], [1/2, 1/2, 1/2], [1/2, -1/2, 1/2], [0, 0, 1]]}: each of the kernel's
   * columns expanded to 4 rows, then each of those rows to 4 columns; and U's transpose. Ranges
   * of channels write disjoint elements, so threads can share the channels.
   */
  private void transformKernel(int from, int to) {
    float[] g = kernelValues;
    int pairs = channels * filters;
    for (int q = from * filters; q < to * filters; q++) {
      // The kernel's rows i = 0, 1, 2 at its columns j = 0, 1, 2: g[(3 i + j) pairs + q].
      float g00 = g[q];
      float g01 = g[q + pairs];
      float g02 = g[q + 2 * pairs];
      float g10 = g[q + 3 * pairs];
      float g11 = g[q + 4 * pairs];
      float g12 = g[q + 5 * pairs];
      float g20 = g[q + 6 * pairs];
      float g21 = g[q + 7 * pairs];
      float g22 = g[q + 8 * pairs];
      expandRow(g00, g01, g02, 0, q);
      expandRow(0.5f * (g00 + g10 + g20), 0.5f * (g01 + g11 + g21), 0.5f * (g02 + g12 + g22), 1, q);
      expandRow(0.5f * (g00 - g10 + g20), 0.5f * (g01 - g11 + g21), 0.5f * (g02 - g12 + g22), 2, q);
      expandRow(g20, g21, g22, 3, q);
    }
    for (int p = 0; p < P; p++) {
      float[] plain = u[p];
      float[] transposed = ut[p];
      for (int c = from; c < to; c++) {
        for (int k = 0; k < filters; k++) {
          transposed[k * channels + c] = plain[c * filters + k];
        }
      }
    }
  }

  /** Row r of {@code G g}, expanded to U's positions {@code 4 r .. 4 r + 3} of pair q. */
  private void expandRow(float t0, float t1, float t2, int r, int q) {
    u[4 * r][q] = t0;
    u[4 * r + 1][q] = 0.5f * (t0 + t1 + t2);
    u[4 * r + 2][q] = 0.5f * (t0 - t1 + t2);
    u[4 * r + 3][q] = t2;
  }

  /**
   * The kernel's gradient {@code G^T dU G} from the transformed one: each of dU's columns reduced
   * to 3 rows, then each of those rows to 3 columns, by {@code G^T = [[1, 1/2, 1/2, 0], [0, 1/2,
   * -1/2, 0], [0, 1/2, 1/2, 1]]}.
   */
  private void untransformKernelGradient(float[] dg) {
    int pairs = channels * filters;
    for (int q = 0; q < pairs; q++) {
      for (int s = 0; s < 4; s++) {
        float w0 = du[s][q];
        float w1 = du[4 + s][q];
        float w2 = du[8 + s][q];
        float w3 = du[12 + s][q];
        taps[s] = w0 + 0.5f * (w1 + w2);
        taps[4 + s] = 0.5f * (w1 - w2);
        taps[8 + s] = 0.5f * (w1 + w2) + w3;
      }
      for (int i = 0; i < 3; i++) {
        float h0 = taps[4 * i];
        float h1 = taps[4 * i + 1];
        float h2 = taps[4 * i + 2];
        float h3 = taps[4 * i + 3];
        int tap = 3 * i * pairs + q;
        dg[tap] = h0 + 0.5f * (h1 + h2);
        dg[tap + pairs] = 0.5f * (h1 - h2);
        dg[tap + 2 * pairs] = 0.5f * (h1 + h2) + h3;
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
    int paddedLine = (2 * tilesWide + 2) * channels;
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
