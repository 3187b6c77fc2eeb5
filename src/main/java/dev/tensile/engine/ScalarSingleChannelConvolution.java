package dev.tensile.engine;

/**
 * The portable {@link SingleChannelConvolution}: plain loops, each also offered over a range of
 * filters so that a vectorised implementation handles the last {@code filters mod L} with the
 * same code.
 */
public class ScalarSingleChannelConvolution implements SingleChannelConvolution {
  /** The shared instance; the kernels hold no state. */
  public static final ScalarSingleChannelConvolution INSTANCE =
      new ScalarSingleChannelConvolution();

  /** Makes the kernels; subclasses replace the per-image loops with faster ones. */
  protected ScalarSingleChannelConvolution() {}

  @Override
  public void forward(
      float[] x, int height, int width, float[] kernel, int filters, float[] z, int from, int to) {
    for (int n = from; n < to; n++) {
      forwardImage(x, height, width, kernel, filters, z, n);
    }
  }

  @Override
  public void kernelGradientParts(
      float[] x, int height, int width, float[] dz, int filters, float[] parts, int from, int to) {
    for (int n = from; n < to; n++) {
      kernelGradientImage(x, height, width, dz, filters, parts, n);
    }
  }

  /**
   * {@link #forward} for one image, all its filters; a vectorised subclass replaces it.
   *
   * @param x the padded images
   * @param height the padded height
   * @param width the padded width
   * @param kernel the kernel
   * @param filters the output channels
   * @param z the outputs; the image's are overwritten
   * @param n the image
   */
  protected void forwardImage(
      float[] x, int height, int width, float[] kernel, int filters, float[] z, int n) {
    forwardImage(x, height, width, kernel, filters, z, n, 0, filters);
  }

  /**
   * {@link #forward} for one image and the filters {@code [f0, f1)}.
   *
   * @param x the padded images
   * @param height the padded height
   * @param width the padded width
   * @param kernel the kernel
   * @param filters the output channels
   * @param z the outputs; the image's are overwritten in those filters
   * @param n the image
   * @param f0 the first filter
   * @param f1 one past the last filter
   */
  protected static void forwardImage(float[] x, int height, int width, float[] kernel,
      int filters, float[] z, int n, int f0, int f1) {
    int out = n * (height - 2) * (width - 2) * filters;
    for (int i = 0; i < height - 2; i++) {
      for (int j = 0; j < width - 2; j++, out += filters) {
        int p = (n * height + i) * width + j;
        for (int f = f0; f < f1; f++) {
          float acc = 0f;
          for (int t = 0; t < TAPS; t++) {
            acc += x[p + t / 3 * width + t % 3] * kernel[t * filters + f];
          }
          z[out + f] = acc;
        }
      }
    }
  }

  /**
   * {@link #kernelGradientParts} for one image, all its filters; a vectorised subclass replaces
   * it.
   *
   * @param x the padded images
   * @param height the padded height
   * @param width the padded width
   * @param dz the output gradient
   * @param filters the output channels
   * @param parts the per-image parts; the image's are overwritten
   * @param n the image
   */
  protected void kernelGradientImage(
      float[] x, int height, int width, float[] dz, int filters, float[] parts, int n) {
    kernelGradientImage(x, height, width, dz, filters, parts, n, 0, filters);
  }

  /**
   * {@link #kernelGradientParts} for one image and the filters {@code [f0, f1)}.
   *
   * @param x the padded images
   * @param height the padded height
   * @param width the padded width
   * @param dz the output gradient
   * @param filters the output channels
   * @param parts the per-image parts; the image's are overwritten in those filters
   * @param n the image
   * @param f0 the first filter
   * @param f1 one past the last filter
   */
  protected static void kernelGradientImage(float[] x, int height, int width, float[] dz,
      int filters, float[] parts, int n, int f0, int f1) {
    int part = n * TAPS * filters;
    for (int t = 0; t < TAPS; t++) {
      for (int f = f0; f < f1; f++) {
        parts[part + t * filters + f] = 0f;
      }
    }
    int g = n * (height - 2) * (width - 2) * filters;
    for (int i = 0; i < height - 2; i++) {
      for (int j = 0; j < width - 2; j++, g += filters) {
        int p = (n * height + i) * width + j;
        for (int t = 0; t < TAPS; t++) {
          float xv = x[p + t / 3 * width + t % 3];
          for (int f = f0; f < f1; f++) {
            parts[part + t * filters + f] += xv * dz[g + f];
          }
        }
      }
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
