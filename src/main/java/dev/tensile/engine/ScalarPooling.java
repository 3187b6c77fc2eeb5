package dev.tensile.engine;

import java.util.Arrays;

/**
 * The portable pooling kernels, plain loops; each is also offered over a range of channels so
 * that a vectorised implementation handles the last {@code channels mod L} with the same code.
 */
public class ScalarPooling implements Pooling {
  /** The shared instance; the kernels hold no state. */
  public static final ScalarPooling INSTANCE = new ScalarPooling();

  /** Makes the kernels; subclasses replace some loops with faster ones. */
  protected ScalarPooling() {}

  @Override
  public void maxPool(PoolTiles tiles, float[] x, float[] y, float[] winner, int from, int to) {
    int outHeight = tiles.outHeight();
    int outWidth = tiles.outWidth();
    int c = tiles.channels();
    int tileStep = tiles.poolWidth() * c;
    int rowStep = tiles.poolHeight() * tiles.width() * c;
    for (int n = from; n < to; n++) {
      int out = n * outHeight * outWidth * c;
      for (int oh = 0; oh < outHeight; oh++) {
        int first = n * tiles.imageSize() + oh * rowStep;
        for (int ow = 0; ow < outWidth; ow++, first += tileStep, out += c) {
          poolTile(tiles, x, y, winner, first, out);
        }
      }
    }
  }

  /**
   * {@link #maxPool} for one tile, all its channels; a vectorised subclass replaces it.
   *
   * @param tiles the geometry
   * @param x the input images
   * @param y the output images; modified
   * @param winner the winning pixels' numbers; modified
   * @param first the index of the tile's first pixel's channel 0 in x
   * @param out the index of the tile's output channel 0 in y
   */
  protected void poolTile(
      PoolTiles tiles, float[] x, float[] y, float[] winner, int first, int out) {
    maxPoolTile(tiles, x, y, winner, first, out, 0, tiles.channels());
  }

  /**
   * {@link #maxPool} for one tile and the channels {@code [fromChannel, toChannel)}.
   *
   * @param tiles the geometry
   * @param x the input images
   * @param y the output images; modified
   * @param winner the winning pixels' numbers; modified
   * @param first the index of the tile's first pixel's channel 0 in the input
   * @param out the index of the tile's output channel 0
   * @param fromChannel the first channel
   * @param toChannel one past the last channel
   */
  protected static void maxPoolTile(
      PoolTiles tiles, float[] x, float[] y, float[] winner, int first, int out, int fromChannel, int toChannel) {
    int c = tiles.channels();
    int line = tiles.width() * c;
    for (int k = fromChannel; k < toChannel; k++) {
      float m = x[first + k];
      float w = 0f;
      int t = 0;
      for (int i = 0; i < tiles.poolHeight(); i++) {
        for (int j = 0; j < tiles.poolWidth(); j++, t++) {
          float v = x[first + i * line + j * c + k];
          boolean larger = v > m;
          m = larger ? v : m;
          w = larger ? t : w;
        }
      }
      y[out + k] = m;
      winner[out + k] = w;
    }
  }

  @Override
  public void maxPoolBackward(
      PoolTiles tiles, float[] winner, float[] dy, float[] dx, int from, int to) {
    int outHeight = tiles.outHeight();
    int outWidth = tiles.outWidth();
    int c = tiles.channels();
    int tileStep = tiles.poolWidth() * c;
    int rowStep = tiles.poolHeight() * tiles.width() * c;
    for (int n = from; n < to; n++) {
      clearUntiled(tiles, dx, n);
      int out = n * outHeight * outWidth * c;
      for (int oh = 0; oh < outHeight; oh++) {
        int first = n * tiles.imageSize() + oh * rowStep;
        for (int ow = 0; ow < outWidth; ow++, first += tileStep, out += c) {
          unpoolTile(tiles, winner, dy, dx, first, out);
        }
      }
    }
  }

  /**
   * {@link #maxPoolBackward} for one tile, all its channels; a vectorised subclass replaces it.
   *
   * @param tiles the geometry
   * @param winner the winning pixels' numbers
   * @param dy the output gradient
   * @param dx the input gradient; the tile's elements are written
   * @param first the index of the tile's first pixel's channel 0 in dx
   * @param out the index of the tile's output channel 0 in dy
   */
  protected void unpoolTile(
      PoolTiles tiles, float[] winner, float[] dy, float[] dx, int first, int out) {
    maxPoolTileBackward(tiles, winner, dy, dx, first, out, 0, tiles.channels());
  }

  /**
   * {@link #maxPoolBackward} for one tile and the channels {@code [fromChannel, toChannel)}.
   *
   * @param tiles the geometry
   * @param winner the winning pixels' numbers
   * @param dy the output gradient
   * @param dx the input gradient; the tile's elements are written
   * @param first the index of the tile's first pixel's channel 0 in the input
   * @param out the index of the tile's output channel 0
   * @param fromChannel the first channel
   * @param toChannel one past the last channel
   */
  protected static void maxPoolTileBackward(
      PoolTiles tiles, float[] winner, float[] dy, float[] dx, int first, int out, int fromChannel, int toChannel) {
    int c = tiles.channels();
    int line = tiles.width() * c;
    for (int k = fromChannel; k < toChannel; k++) {
      float w = winner[out + k];
      float g = dy[out + k];
      int t = 0;
      for (int i = 0; i < tiles.poolHeight(); i++) {
        for (int j = 0; j < tiles.poolWidth(); j++, t++) {
          dx[first + i * line + j * c + k] = w == t ? g : 0f;
        }
      }
    }
  }

  /**
   * Sets to 0 the elements of image {@code n} that belong to no tile: the rows below the last
   * tile row and the columns right of the last tile column.
   *
   * @param tiles the geometry
   * @param dx the input gradient; modified
   * @param n the image
   */
  protected static void clearUntiled(PoolTiles tiles, float[] dx, int n) {
    int c = tiles.channels();
    int line = tiles.width() * c;
    int image = n * tiles.imageSize();
    int tiledRows = tiles.outHeight() * tiles.poolHeight();
    int tiledLine = tiles.outWidth() * tiles.poolWidth() * c;
    if (tiledLine < line) {
      for (int r = 0; r < tiledRows; r++) {
        Arrays.fill(dx, image + r * line + tiledLine, image + (r + 1) * line, 0f);
      }
    }
    Arrays.fill(dx, image + tiledRows * line, image + tiles.imageSize(), 0f);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
