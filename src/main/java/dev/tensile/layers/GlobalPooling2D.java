package dev.tensile.layers;

/**
 * What the global pooling layers share: {@code (None, h, w, c)} in, {@code (None, c)} out, one
 * value per channel over all {@code h * w} positions.
 */
abstract class GlobalPooling2D extends Layer {
  /** Positions per image, {@code h * w}, and channels, set by build. */
  int positions;
  int channels;

  GlobalPooling2D() {}

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    Window.requireImages(this, sampleShape);
    positions = sampleShape[0] * sampleShape[1];
    channels = sampleShape[2];
    return new int[] {channels};
  }
}
