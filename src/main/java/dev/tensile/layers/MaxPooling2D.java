package dev.tensile.layers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine.RangeTask;
import dev.tensile.tensor.Buffers;
import java.util.Arrays;

/**
 * Max pooling over channels-last images, Keras's {@code MaxPooling2D}: each output element is the
 * largest input in its window, channel by channel; {@code (None, 28, 28, 32)} with a pool of 2
 * gives {@code (None, 14, 14, 32)}. Strides default to the pool size; padding {@code same} pads
 * as {@link Conv2D} does, and the padding never wins. Backward sends each output's gradient to
 * the input it took (the first in the window, on a tie), remembered by forward as the winning
 * tap's number. Windows that tile the image (the default stride, nothing padded) go through the
 * engine's pooling kernels, the batch's images shared among its threads. No weights.
 */
public final class MaxPooling2D extends Pooling2D<MaxPooling2D> {
  /** For each output, which tap of its window won, as a float (small whole numbers). */
  private float[] winner;
  private float[] y;
  private float[] dx;
  /** The last forward input, while the tiled forward tasks run. */
  private float[] input;
  /** The gradient backward was given, while its tasks run. */
  private float[] outputGradient;
  /**
   * Whether the layer before is a relu {@link Conv2D} that left relu's derivative to this layer:
   * backward zeroes the gradient of every output that is not positive first.
   */
  private boolean reluDerivative;

  /** Pools a range of the batch's images when the windows tile them. */
  private final RangeTask poolImages =
      (from, to) -> Engines.current().pooling().maxPool(tiles, input, y, winner, from, to);

  /** The gradient of a range of images when the windows tile them. */
  private final RangeTask poolGradientImages = this::poolGradientImages;

  /** Relu's derivative on the gradient of a range of images, when the windows do not tile. */
  private final RangeTask reluGradientImages =
      (from, to) -> reluDerivative(outputGradient, from, to);

  /**
   * Makes a square pool, as {@code MaxPooling2D(2)}.
   *
   * @param poolSize the window's height and width; positive
   */
  public MaxPooling2D(int poolSize) {
    this(new int[] {poolSize, poolSize});
  }

  /**
   * Makes a pool of {@code (height, width)}, as {@code MaxPooling2D((2, 3))}.
   *
   * @param poolSize the window's height and width; positive
   */
  public MaxPooling2D(int[] poolSize) {
    super(poolSize);
  }

  /**
   * Rebuilds a layer from Keras's description.
   *
   * @param config the description
   * @param resolver unused: pooling has no nested objects
   * @return a new layer
   * @throws dev.tensile.config.ConfigException if a size is missing or invalid, or the data is
   *     channels-first
   */
  public static MaxPooling2D fromConfig(ObjectConfig config, Resolver resolver) {
    return configured(new MaxPooling2D(ConfigValues.sizes(config, "pool_size", 2, null)), config);
  }

  @Override
  MaxPooling2D self() {
    return this;
  }

  /**
   * Says whether backward applies the relu derivative of the {@link Conv2D} before this layer.
   *
   * @param apply true if the layer before leaves it here
   */
  void appliesReluDerivative(boolean apply) {
    reluDerivative = apply;
  }

  private void poolGradientImages(int from, int to) {
    if (reluDerivative) {
      reluDerivative(outputGradient, from, to);
    }
    Engines.current().pooling().maxPoolBackward(tiles, winner, outputGradient, dx, from, to);
  }

  /**
   * Zeroes, in place, the gradient of the outputs of images {@code [from, to)} that are not
   * positive: the outputs are the winning inputs, relu's outputs.
   */
  private void reluDerivative(float[] gradient, int from, int to) {
    Engines.current().elementwise()
        .reluBackwardRange(y, gradient, gradient, from * outputSize(), to * outputSize());
  }

  @Override
  protected float[] forward(float[] x, int batch, boolean training) {
    if (tiles != null) {
      input = x;
      y = Buffers.ensure(y, batch * outputSize());
      winner = Buffers.ensure(winner, batch * outputSize());
      Engines.current().forEachRange(batch, poolImages);
      input = null;
      return y;
    }
    int c = channels;
    int n = batch * outputSize();
    y = Buffers.ensure(y, n);
    winner = Buffers.ensure(winner, n);
    int o = 0;
    for (int s = 0; s < batch; s++) {
      int image = s * inputSize();
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++, o += c) {
          int taps = taps(image, oh, ow);
          System.arraycopy(x, offsets[0], y, o, c);
          Arrays.fill(winner, o, o + c, 0f);
          for (int t = 1; t < taps; t++) {
            int at = offsets[t];
            float tap = t;
            // Branch-free, all in floats, so the JIT can use vector instructions; a strictly
            // larger value wins, so the first of equal maxima keeps the gradient.
            for (int k = 0; k < c; k++) {
              float v = x[at + k];
              boolean larger = v > y[o + k];
              y[o + k] = larger ? v : y[o + k];
              winner[o + k] = larger ? tap : winner[o + k];
            }
          }
        }
      }
    }
    return y;
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    if (!computeInputGradient()) {
      return null;
    }
    if (tiles != null) {
      dx = Buffers.ensure(dx, batch * inputSize());
      outputGradient = gradOutput;
      Engines.current().forEachRange(batch, poolGradientImages);
      outputGradient = null;
      return dx;
    }
    if (reluDerivative) {
      outputGradient = gradOutput;
      Engines.current().forEachRange(batch, reluGradientImages);
      outputGradient = null;
    }
    int c = channels;
    int total = batch * inputSize();
    dx = Buffers.ensure(dx, total);
    Arrays.fill(dx, 0, total, 0f);
    int o = 0;
    for (int s = 0; s < batch; s++) {
      int image = s * inputSize();
      for (int oh = 0; oh < rows.out; oh++) {
        for (int ow = 0; ow < cols.out; ow++, o += c) {
          taps(image, oh, ow);
          for (int k = 0; k < c; k++) {
            dx[offsets[(int) winner[o + k]] + k] += gradOutput[o + k];
          }
        }
      }
    }
    return dx;
  }
}
