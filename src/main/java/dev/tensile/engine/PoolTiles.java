package dev.tensile.engine;

/**
 * The geometry of pooling over non-overlapping windows: channels-last images {@code (height,
 * width, channels)} cut into {@code poolHeight x poolWidth} tiles side by side (the stride is the
 * window, nothing is padded), one output per tile; rows and columns left over at the bottom and
 * right edges belong to no tile. This is Keras's {@code MaxPooling2D(2)} on an image of even
 * size, the convolution chapter's pooling.
 *
 * @param height the image height
 * @param width the image width
 * @param channels the channels per pixel
 * @param poolHeight the tile height
 * @param poolWidth the tile width
 */
public record PoolTiles(int height, int width, int channels, int poolHeight, int poolWidth) {
  /**
   * Checks that every size is positive and a tile fits in the image.
   *
   * @param height the image height
   * @param width the image width
   * @param channels the channels per pixel
   * @param poolHeight the tile height
   * @param poolWidth the tile width
   * @throws IllegalArgumentException otherwise, naming the sizes
   */
  public PoolTiles {
    if (height < 1 || width < 1 || channels < 1 || poolHeight < 1 || poolWidth < 1
        || poolHeight > height || poolWidth > width) {
      throw new IllegalArgumentException(
          "pool tiles need positive sizes and a tile inside the image, got image " + height + "x"
              + width + "x" + channels + " and tile " + poolHeight + "x" + poolWidth);
    }
  }

  /**
   * Returns the output height, {@code height / poolHeight} rounded down.
   *
   * @return the number of tile rows
   */
  public int outHeight() {
    return height / poolHeight;
  }

  /**
   * Returns the output width, {@code width / poolWidth} rounded down.
   *
   * @return the number of tile columns
   */
  public int outWidth() {
    return width / poolWidth;
  }

  /**
   * Returns the floats of one input image.
   *
   * @return {@code height * width * channels}
   */
  public int imageSize() {
    return height * width * channels;
  }

  /**
   * Returns the floats of one output image.
   *
   * @return {@code outHeight() * outWidth() * channels}
   */
  public int outputSize() {
    return outHeight() * outWidth() * channels;
  }
}
