package dev.tensile.layers;

import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.engine.MatrixEngine.RangeTask;
import dev.tensile.tensor.Buffers;

/**
 * A {@link Conv2D} of any geometry as one matrix product per batch: the windows of every output
 * position are gathered into a matrix ("im2col", {@code (n * oh * ow, kh * kw * c)}) and
 * multiplied by the kernel seen as a {@code (kh * kw * c, filters)} matrix. Backward multiplies
 * the same matrix by the output gradient for the kernel's gradient, and sums the product of the
 * output gradient and the kernel's transpose back onto the input ("col2im"). Where the windows
 * are the input itself (1 x 1, stride 1, no padding) nothing is gathered.
 *
 * <p>Images are gathered and scattered in ranges shared among threads; ranges touch disjoint
 * rows, so the results do not depend on the thread count. Buffers grow with the batch once and
 * are reused, so a step allocates nothing.
 */
final class Im2colConvolution implements ConvolutionAlgorithm {
  private final Patches patches;
  private final int filters;
  private float[] input;
  private float[] cols;
  private float[] dcols;
  private float[] dx;
  private float[] z;
  private float[] reluBias;

  private final RangeTask gatherImages = this::gatherImages;
  private final RangeTask biasReluImages = this::biasReluImages;
  private final RangeTask scatterImages = this::scatterImages;

  /**
   * Makes the algorithm for one layer.
   *
   * @param patches the layer's windows
   * @param filters output channels
   */
  Im2colConvolution(Patches patches, int filters) {
    this.patches = patches;
    this.filters = filters;
  }

  private void biasReluImages(int from, int to) {
    ConvolutionAlgorithm.addBiasRelu(z, reluBias, patches.positions(), filters, from, to);
  }

  /** One product for the batch; the bias and relu, if given, after it in ranges of images. */
  @Override
  public void forward(float[] x, float[] kernel, int batch, float[] out, float[] bias) {
    MatrixEngine engine = Engines.current();
    input = x;
    float[] windows = x;
    if (!patches.isIdentity()) {
      cols = Buffers.ensure(cols, rows(batch) * patches.width());
      engine.forEachRange(batch, gatherImages);
      windows = cols;
    }
    engine.mult(windows, kernel, out, rows(batch), patches.width(), filters);
    if (bias != null) {
      z = out;
      reluBias = bias;
      engine.forEachRange(batch, biasReluImages);
      z = null;
      reluBias = null;
    }
  }

  @Override
  public void backward(
      float[] dz, int batch, float[] kernel, float[] kernelGradient, float[] inputGradient) {
    float[] windows = patches.isIdentity() ? input : cols;
    Engines.current()
        .multTransA(windows, dz, kernelGradient, patches.width(), rows(batch), filters);
    if (inputGradient != null) {
      inputGradient(dz, batch, kernel, inputGradient);
    }
  }

  /**
   * The input's gradient alone, by col2im: what {@link #backward} computes besides the kernel's
   * gradient, and all that {@link DirectConvolution} needs of this algorithm. It needs no forward.
   *
   * @param dz the gradient with respect to the outputs before bias and activation
   * @param batch the number of images
   * @param kernel the kernel
   * @param inputGradient the input's gradient, {@code (batch, height, width, channels)};
   *     overwritten
   */
  void inputGradient(float[] dz, int batch, float[] kernel, float[] inputGradient) {
    MatrixEngine engine = Engines.current();
    int rows = rows(batch);
    int k = patches.width();
    if (patches.isIdentity()) {
      engine.multTransB(dz, kernel, inputGradient, rows, filters, k);
      return;
    }
    dcols = Buffers.ensure(dcols, rows * k);
    engine.multTransB(dz, kernel, dcols, rows, filters, k);
    dx = inputGradient;
    engine.forEachRange(batch, scatterImages);
    dx = null;
  }

  /** Gathers the windows of the images {@code [from, to)}. */
  private void gatherImages(int from, int to) {
    patches.gather(input, from, to, cols);
  }

  /** Sums the window gradients of the images {@code [from, to)} back onto those images. */
  private void scatterImages(int from, int to) {
    patches.scatter(dcols, from, to, dx, Engines.current().elementwise());
  }

  private int rows(int batch) {
    return batch * patches.positions();
  }
}
