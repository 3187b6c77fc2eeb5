package dev.tensile.layers;

import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine.RangeTask;
import dev.tensile.engine.SingleChannelConvolution;
import dev.tensile.tensor.Buffers;

/**
 * A {@link Conv2D} of a 3 x 3 kernel, stride and dilation 1, over one input channel, computed by
 * the engine's {@link SingleChannelConvolution} kernels straight from the (padded) images instead
 * of through im2col's window matrix: the usual first layer of an image model, whose product has an
 * inner dimension of 9, so that copying each pixel nine times cost as much as the multiply-adds.
 * The outputs are the products' sums in the same order; the kernel gradient is summed image by
 * image, and the images' parts are added in image order, so it is the same for any thread count.
 * The input's gradient, when a layer before needs it, goes through im2col's col2im.
 *
 * <p>Buffers grow with the batch once and are reused, so a step allocates nothing.
 */
final class DirectConvolution implements ConvolutionAlgorithm {
  private static final int TAPS = SingleChannelConvolution.TAPS;

  private final int height;
  private final int width;
  private final int pad;
  private final int filters;
  /** Computes the input's gradient. */
  private final Im2colConvolution windows;
  /** The images with a border of {@link #pad} zeros, or the input itself without padding. */
  private float[] images;
  private float[] paddedImages;
  private float[] parts;
  private float[] kernel;
  private float[] z;
  private float[] reluBias;
  private float[] dz;

  private final RangeTask forwardImages = this::forwardImages;
  private final RangeTask gradientImages = this::gradientImages;

  private DirectConvolution(Window rows, Window cols, int filters, Im2colConvolution windows) {
    this.height = rows.in;
    this.width = cols.in;
    this.pad = rows.padBefore;
    this.filters = filters;
    this.windows = windows;
  }

  /**
   * Returns the direct kernels for a layer's geometry, or null where they do not apply: more than
   * one input channel, a kernel other than 3 x 3, a stride or dilation above 1, or padding other
   * than none or one pixel on every side.
   *
   * @param rows the vertical window
   * @param cols the horizontal window
   * @param channels input channels
   * @param filters output channels
   * @param windows the layer's im2col, which computes the input's gradient
   * @return the algorithm, or null
   */
  static DirectConvolution forGeometry(
      Window rows, Window cols, int channels, int filters, Im2colConvolution windows) {
    boolean applies = channels == 1 && fits(rows) && fits(cols) && rows.padBefore == cols.padBefore;
    return applies ? new DirectConvolution(rows, cols, filters, windows) : null;
  }

  private static boolean fits(Window axis) {
    return axis.kernel == 3 && axis.stride == 1 && axis.dilation == 1
        && (axis.padBefore == 0 || axis.padBefore == 1)
        && axis.out == axis.in + 2 * axis.padBefore - 2;
  }

  /**
   * Computes each image's outputs from its 9 pixels per position, no window matrix; the bias and
   * relu, if given, image by image right after.
   */
  @Override
  public void forward(float[] input, float[] weights, int batch, float[] out, float[] bias) {
    images = input;
    if (pad > 0) {
      // The border is never written, so it stays zero in a buffer reused from step to step.
      paddedImages = Buffers.ensure(paddedImages, batch * paddedHeight() * paddedWidth());
      for (int n = 0; n < batch; n++) {
        for (int i = 0; i < height; i++) {
          System.arraycopy(input, (n * height + i) * width, paddedImages,
              (n * paddedHeight() + i + 1) * paddedWidth() + 1, width);
        }
      }
      images = paddedImages;
    }
    kernel = weights;
    z = out;
    reluBias = bias;
    Engines.current().forEachRange(batch, forwardImages);
    kernel = null;
    z = null;
    reluBias = null;
  }

  /**
   * Computes the kernel's gradient image by image, the parts added in image order; the input's
   * gradient, if asked, by col2im.
   */
  @Override
  public void backward(
      float[] gradient, int batch, float[] weights, float[] kernelGradient, float[] inputGradient) {
    parts = Buffers.ensure(parts, batch * TAPS * filters);
    dz = gradient;
    Engines.current().forEachRange(batch, gradientImages);
    dz = null;
    ImageParts.sumInOrder(parts, batch, TAPS * filters, kernelGradient);
    if (inputGradient != null) {
      windows.inputGradient(gradient, batch, weights, inputGradient);
    }
  }

  private int paddedHeight() {
    return height + 2 * pad;
  }

  private int paddedWidth() {
    return width + 2 * pad;
  }

  private void forwardImages(int from, int to) {
    SingleChannelConvolution kernels = Engines.current().singleChannelConvolution();
    int positions = (paddedHeight() - 2) * (paddedWidth() - 2);
    for (int n = from; n < to; n++) {
      kernels.forward(images, paddedHeight(), paddedWidth(), kernel, filters, z, n, n + 1);
      if (reluBias != null) {
        ConvolutionAlgorithm.addBiasRelu(z, reluBias, positions, filters, n, n + 1);
      }
    }
  }

  private void gradientImages(int from, int to) {
    Engines.current().singleChannelConvolution()
        .kernelGradientParts(images, paddedHeight(), paddedWidth(), dz, filters, parts, from, to);
  }
}
