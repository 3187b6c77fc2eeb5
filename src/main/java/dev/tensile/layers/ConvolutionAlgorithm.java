package dev.tensile.layers;

/**
 * How a {@link Conv2D} computes its convolution before bias and activation: by im2col's window
 * matrix ({@link Im2colConvolution}), by Winograd's algorithm ({@link WinogradConvolution}), or by
 * the direct single-channel kernels ({@link DirectConvolution}). The layer picks one when it is
 * built, from the geometry; all three give Keras's numbers up to rounding.
 */
interface ConvolutionAlgorithm {
  /**
   * The outputs before bias and activation.
   *
   * @param input the input images, {@code (batch, height, width, channels)}; not modified, and
   *     may be read again by backward
   * @param kernel the kernel, {@code (kh, kw, channels, filters)}
   * @param batch the number of images
   * @param z the outputs, {@code (batch, oh, ow, filters)}; overwritten
   */
  void forward(float[] input, float[] kernel, int batch, float[] z);

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
