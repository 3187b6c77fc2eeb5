package dev.tensile.layers;

import dev.tensile.engine.PoolTiles;
import dev.tensile.config.ObjectConfig;

/**
 * What the windowed pooling layers share: Keras's {@code pool_size}, {@code strides} (the pool
 * size unless set) and {@code padding}, and the window geometry they give for the input.
 *
 * @param <T> the concrete layer, so that the fluent setters return it
 */
abstract class Pooling2D<T extends Pooling2D<T>> extends Layer {
  private final int[] poolSize;
  private int[] strides;
  private boolean same;
  /** The geometry along height and width, and the channel count, set by build. */
  Window rows;
  Window cols;
  int channels;
  /**
   * The geometry when the windows tile the image side by side (stride equal to the pool size,
   * nothing padded), for the engine's pooling kernels; null otherwise.
   */
  PoolTiles tiles;

  /** Tells whether windows along an axis lie side by side, inside the image. */
  private static boolean tiling(Window axis) {
    return axis.stride == axis.kernel && axis.padBefore == 0 && axis.out * axis.kernel <= axis.in;
  }

  /** The input offsets of one window's taps, filled by {@link #taps}. */
  int[] offsets;

  Pooling2D(int[] poolSize) {
    this.poolSize = Window.positivePair(typeName() + " pool_size", poolSize);
  }

  /** Returns this layer as its own type. */
  abstract T self();

  /**
   * Describes the layer with Keras's pooling keys: {@code pool_size}, {@code padding}, {@code
   * strides}, channels-last.
   *
   * @return the description
   */
  @Override
  public ObjectConfig getConfig() {
    return configBuilder()
        .put("pool_size", poolSize())
        .put("padding", padding())
        .put("strides", strides())
        .put("data_format", "channels_last")
        .build();
  }

  /** Applies a description's {@code strides} (default: the pool size) and {@code padding}. */
  static <P extends Pooling2D<P>> P configured(P pool, ObjectConfig config) {
    config.requireDefault("data_format", "channels_last");
    int[] strides = ConfigValues.sizes(config, "strides", 2, pool.poolSize());
    pool.strides(strides[0], strides[1]).padding(config.getString("padding", "valid"));
    return withCommonConfig(pool, config);
  }

  /**
   * Sets the same stride along both axes (default: the pool size).
   *
   * @param stride a positive step
   * @return this layer
   */
  public T strides(int stride) {
    return strides(stride, stride);
  }

  /**
   * Sets the strides along height and width (default: the pool size).
   *
   * @param height the vertical step; positive
   * @param width the horizontal step; positive
   * @return this layer
   */
  public T strides(int height, int width) {
    Unbuilt.check(this);
    strides = Window.positivePair(typeName() + " strides", new int[] {height, width});
    return self();
  }

  /**
   * Sets the padding (default {@code valid}).
   *
   * @param padding {@code valid} or {@code same}
   * @return this layer
   */
  public T padding(String padding) {
    Unbuilt.check(this);
    same = Window.parsePadding(padding);
    return self();
  }

  @Override
  public T name(String newName) {
    super.name(newName);
    return self();
  }

  /**
   * Returns the window's height and width.
   *
   * @return a copy of {@code pool_size}
   */
  public int[] poolSize() {
    return poolSize.clone();
  }

  /**
   * Returns the strides in force: the ones set, else the pool size.
   *
   * @return a copy of the strides
   */
  public int[] strides() {
    return strides == null ? poolSize.clone() : strides.clone();
  }

  /**
   * Returns the padding.
   *
   * @return {@code valid} or {@code same}
   */
  public String padding() {
    return same ? "same" : "valid";
  }

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    Window.requireImages(this, sampleShape);
    int[] s = strides();
    rows = Window.of(name(), "height", sampleShape[0], poolSize[0], s[0], 1, same);
    cols = Window.of(name(), "width", sampleShape[1], poolSize[1], s[1], 1, same);
    channels = sampleShape[2];
    offsets = new int[poolSize[0] * poolSize[1]];
    tiles = tiling(rows) && tiling(cols)
        ? new PoolTiles(rows.in, cols.in, channels, rows.kernel, cols.kernel)
        : null;
    return new int[] {rows.out, cols.out, channels};
  }

  /**
   * Writes into {@link #offsets} where each tap of one window inside the input starts, in
   * row-major tap order (taps in the padding are left out), and returns how many there are.
   *
   * @param image the offset of the window's image in the batch
   * @param oh the output row
   * @param ow the output column
   * @return the number of taps written
   */
  final int taps(int image, int oh, int ow) {
    int n = 0;
    for (int i = 0; i < rows.kernel; i++) {
      int ih = rows.source(oh, i);
      if (ih < 0 || ih >= rows.in) {
        continue;
      }
      for (int j = 0; j < cols.kernel; j++) {
        int iw = cols.source(ow, j);
        if (iw >= 0 && iw < cols.in) {
          offsets[n++] = image + (ih * cols.in + iw) * channels;
        }
      }
    }
    return n;
  }
}
