package dev.tensile.engine;

/**
 * Direct kernels for a 3 x 3 convolution of stride 1 over images of one channel, a network's
 * usual first layer: there im2col would copy every pixel nine times to feed a product whose inner
 * dimension is only 9. An engine hands out its kernels with {@link
 * MatrixEngine#singleChannelConvolution()}.
 *
 * <p>The input is padded by the caller: image {@code n} is {@code height x width} pixels from
 * {@code x[n height width]}, and its outputs are the {@code (height - 2) x (width - 2)} valid
 * positions, channels-last. The kernel is Keras's {@code (3, 3, 1, filters)}: tap {@code (di,
 * dj)} of filter f at {@code kernel[(3 di + dj) filters + f]}. Every method works on the images
 * {@code [from, to)}, so that a layer can share them among threads ({@link
 * MatrixEngine#forEachRange}); no image's results depend on another's.
 */
public interface SingleChannelConvolution {
  /** Taps of the 3 x 3 kernel. */
  int TAPS = 9;

  /**
   * {@code z[n][i][j][f] = sum over (di, dj) of x[n][i + di][j + dj] kernel[di][dj][f]}, the taps
   * added in the kernel's order from zero (as im2col's product adds them).
   *
   * @param x the padded images, {@code (n, height, width)}; not modified
   * @param height the padded images' height, at least 3
   * @param width the padded images' width, at least 3
   * @param kernel the kernel, {@code (3, 3, 1, filters)}
   * @param filters the output channels
   * @param z the outputs, {@code (n, height - 2, width - 2, filters)}; overwritten for the images
   *     {@code [from, to)}
   * @param from the first image
   * @param to one past the last image
   */
  void forward(
      float[] x, int height, int width, float[] kernel, int filters, float[] z, int from, int to);

  /**
   * Each image's part of the kernel gradient: {@code parts[n][di][dj][f] = sum over (i, j) of
   * x[n][i + di][j + dj] dz[n][i][j][f]}, the positions added in row-major order from zero.
   *
   * @param x the padded images, as in {@link #forward}; not modified
   * @param height the padded images' height
   * @param width the padded images' width
   * @param dz the gradient with respect to the outputs, {@code (n, height - 2, width - 2,
   *     filters)}; not modified
   * @param filters the output channels
   * @param parts per image, {@code (n, 3, 3, filters)}; overwritten for the images {@code [from,
   *     to)}
   * @param from the first image
   * @param to one past the last image
   */
  void kernelGradientParts(
      float[] x, int height, int width, float[] dz, int filters, float[] parts, int from, int to);
}
