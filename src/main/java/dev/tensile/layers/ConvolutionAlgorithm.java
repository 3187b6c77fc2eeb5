package dev.tensile.layers;

import dev.tensile.engine.Engines;

/**
 * How a {@link Conv2D} computes its convolution before bias and activation: by im2col's window
 * matrix ({@link Im2colConvolution}), by Winograd's algorithm ({@link WinogradConvolution}), or by
 * the direct single-channel kernels ({@link DirectConvolution}). The layer picks one when it is
 * built, from the geometry; all three give Keras's numbers up to rounding.
 */
interface ConvolutionAlgorithm {
  /**
   * The outputs before bias and activation, or, given a bias, after the bias and relu: the
   * algorithm adds them to a few images' outputs as soon as they are made, while they are still in
   * the core's cache, instead of the layer making one more pass over the whole batch's.
   *
   * @param input the input images, {@code (batch, height, width, channels)}; not modified, and
   *     may be read again by backward
   * @param kernel the kernel, {@code (kh, kw, channels, filters)}
   * @param batch the number of images
   * @param z the outputs, {@code (batch, oh, ow, filters)}; overwritten
   * @param reluBias the bias to add before relu, or null for the bare convolution
   */
  void forward(float[] input, float[] kernel, int batch, float[] z, float[] reluBias);

  /**
   * Adds the bias to the outputs of images {@code [from, to)} and applies relu, in place.
   *
   * @param z the outputs, {@code (batch, positions, filters)}
   * @param bias the bias, one per filter
   * @param positions output positions per image
   * @param filters output channels
   * @param from the first image
   * @param to one past the last image
   */
  static void addBiasRelu(float[] z, float[] bias, int positions, int filters, int from, int to) {
    Engines.current().elementwise()
        .addToRowsRelu(z, bias, from * positions, to * positions, filters);
  }

  /**
   * The kernel's gradient and, if asked, the input's, from the gradient with respect to the
   * outputs before bias and activation; follows the {@link #forward} of the same batch.
   *
   * @param dz the gradient with respect to the outputs before bias and activation
   * @param batch the number of images, as in forward
   * @param kernel the kernel, as in forward
   * @param kernelGradient the kernel's gradient, {@code (kh, kw, channels, filters)};
   *     overwritten
   * @param inputGradient the input's gradient, {@code (batch, height, width, channels)},
   *     overwritten; or null when it is not needed
   */
  void backward(
      float[] dz, int batch, float[] kernel, float[] kernelGradient, float[] inputGradient);
}
