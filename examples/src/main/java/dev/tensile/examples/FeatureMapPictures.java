package dev.tensile.examples;

import dev.tensile.datasets.ImageGrid;
import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws a convolution's kernels and feature maps with {@link ImageGrid}, as the chapter's
 * matplotlib pictures do: one small image per filter or channel.
 */
public final class FeatureMapPictures {
  private FeatureMapPictures() {}

  /**
   * Draws the kernels of a first convolution, {@code (kh, kw, 1, filters)}, one image per filter,
   * with weights from -0.5 (white) to 0.5 (black), the chapter's {@code vmin=-0.5, vmax=0.5}.
   *
   * @param kernel the kernel, as {@code layer.weights().get(0).toTensor()}
   * @param png the file to write
   * @param columns images per row
   * @throws IOException if the file cannot be written
   */
  public static void kernels(Tensor kernel, Path png, int columns) throws IOException {
    int kh = kernel.dim(0);
    int kw = kernel.dim(1);
    int in = kernel.dim(2);
    int filters = kernel.dim(3);
    float[] k = kernel.data();
    float[] images = new float[filters * kh * kw];
    for (int f = 0; f < filters; f++) {
      for (int p = 0; p < kh * kw; p++) {
        // The first input channel, as the chapter draws conv_weights[:, :, 0, f].
        float w = k[(p * in) * filters + f];
        images[(f * kh * kw) + p] = Math.max(0f, Math.min(1f, w + 0.5f));
      }
    }
    ImageGrid.save(png, Tensor.wrap(images, filters, kh, kw), filters, columns, null, 16);
  }

  /**
   * Draws the channels of one image's feature maps, {@code (1, h, w, channels)}, one image per
   * channel, each scaled from its own minimum (white) to its maximum (black), as {@code
   * plt.imshow} scales each map.
   *
   * @param maps a layer's output for one image, as {@code model.layerOutput(0, x)}
   * @param png the file to write
   * @param columns images per row
   * @throws IOException if the file cannot be written
   */
  public static void featureMaps(Tensor maps, Path png, int columns) throws IOException {
    int h = maps.dim(1);
    int w = maps.dim(2);
    int c = maps.dim(3);
    float[] m = maps.data();
    float[] images = new float[c * h * w];
    for (int k = 0; k < c; k++) {
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (int p = 0; p < h * w; p++) {
        lo = Math.min(lo, m[p * c + k]);
        hi = Math.max(hi, m[p * c + k]);
      }
      float range = hi > lo ? hi - lo : 1f;
      for (int p = 0; p < h * w; p++) {
        images[k * h * w + p] = (m[p * c + k] - lo) / range;
      }
    }
    ImageGrid.save(png, Tensor.wrap(images, c, h, w), c, columns, null, 4);
  }
}
