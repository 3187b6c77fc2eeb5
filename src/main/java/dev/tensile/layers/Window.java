package dev.tensile.layers;

import java.util.Locale;

/**
 * The geometry of a 2-D sliding window along one spatial axis, Keras's rules: for {@code valid}
 * the output has {@code floor((in - k_eff) / stride) + 1} positions, for {@code same} {@code
 * ceil(in / stride)}, where {@code k_eff = (k - 1) * dilation + 1}. {@code same} pads {@code
 * max((out - 1) * stride + k_eff - in, 0)} in total, the smaller half before and the larger after
 * when the total is odd (as TensorFlow and JAX do).
 */
final class Window {
  final int in;
  final int kernel;
  final int stride;
  final int dilation;
  final int out;
  final int padBefore;

  private Window(int in, int kernel, int stride, int dilation, int out, int padBefore) {
    this.in = in;
    this.kernel = kernel;
    this.stride = stride;
    this.dilation = dilation;
    this.out = out;
    this.padBefore = padBefore;
  }

  /**
   * Computes one axis's geometry.
   *
   * @param layer the layer's name, for errors
   * @param axisName "height" or "width"
   * @param in the input's extent
   * @param kernel the window's extent
   * @param stride the step
   * @param dilation the spacing of the window's taps
   * @param same true for {@code same} padding
   * @return the geometry
   * @throws IllegalArgumentException if a valid window does not fit the input
   */
  static Window of(
      String layer, String axisName, int in, int kernel, int stride, int dilation, boolean same) {
    int effective = (kernel - 1) * dilation + 1;
    if (same) {
      int out = (in + stride - 1) / stride;
      int total = Math.max((out - 1) * stride + effective - in, 0);
      return new Window(in, kernel, stride, dilation, out, total / 2);
    }
    if (in < effective) {
      throw new IllegalArgumentException(
          "layer '" + layer + "': the input's " + axisName + " " + in + " is smaller than the "
              + "window's " + effective + " with padding 'valid'; use padding 'same' or a "
              + "smaller window");
    }
    return new Window(in, kernel, stride, dilation, (in - effective) / stride + 1, 0);
  }

  /** Returns the input index of tap {@code t} of output position {@code o} (may be outside). */
  int source(int o, int t) {
    return o * stride - padBefore + t * dilation;
  }

  /**
   * Parses Keras's padding argument.
   *
   * @param padding {@code valid} or {@code same}, any case
   * @return true for same
   * @throws IllegalArgumentException otherwise
   */
  static boolean parsePadding(String padding) {
    String p = padding == null ? "" : padding.toLowerCase(Locale.ROOT);
    if (p.equals("same")) {
      return true;
    }
    if (p.equals("valid")) {
      return false;
    }
    throw new IllegalArgumentException(
        "padding must be 'valid' or 'same', got '" + padding + "'");
  }

  /**
   * Checks a pair of positive integers, such as a kernel size or strides.
   *
   * @param what the argument's name
   * @param pair two values
   * @return a copy
   */
  static int[] positivePair(String what, int[] pair) {
    if (pair == null || pair.length != 2 || pair[0] <= 0 || pair[1] <= 0) {
      throw new IllegalArgumentException(
          what + " must be two positive integers, got " + java.util.Arrays.toString(pair));
    }
    return pair.clone();
  }

  /**
   * Checks that a layer's input is an image batch {@code (None, h, w, channels)}.
   *
   * @param layer the layer
   * @param sampleShape one input sample's shape
   * @throws IllegalArgumentException if it is not rank 3 per sample, with a reshape hint
   */
  static void requireImages(Layer layer, int[] sampleShape) {
    if (sampleShape.length == 3) {
      return;
    }
    String hint = "";
    if (sampleShape.length == 2) {
      hint = "; for one-channel images add the channel axis, e.g. x.reshape(-1, "
          + sampleShape[0] + ", " + sampleShape[1] + ", 1) and new Input(" + sampleShape[0]
          + ", " + sampleShape[1] + ", 1)";
    }
    throw new IllegalArgumentException(
        "layer '" + layer.name() + "' (" + layer.typeName() + ") expects input of rank 4, "
            + "(None, height, width, channels), got "
            + dev.tensile.tensor.Shapes.formatBatch(sampleShape) + hint);
  }
}
