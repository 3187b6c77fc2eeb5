package dev.tensile.layers;

import dev.tensile.engine.Engines;

/**
 * Sums per-image parts of a gradient in image order: computed image by image on whichever thread
 * takes the image, then added in a fixed order, the sum is the same for any thread count.
 */
final class ImageParts {
  private ImageParts() {}

  /**
   * {@code into = parts[0] + parts[1] + ... + parts[images - 1]}, added in that order.
   *
   * @param parts the parts, {@code (images, size)}; not modified
   * @param images the number of parts, at least 1
   * @param size the length of each part
   * @param into the sum, {@code size} floats; overwritten
   */
  static void sumInOrder(float[] parts, int images, int size, float[] into) {
    System.arraycopy(parts, 0, into, 0, size);
    for (int n = 1; n < images; n++) {
      Engines.current().elementwise().addInto(parts, n * size, into, 0, size);
    }
  }
}
