package dev.tensile.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensile.tensor.Variable;
import java.util.List;
import java.util.Random;

/**
 * Compares two built convolutions of the same configuration that compute by different
 * algorithms: the same weights and inputs through both, and every result, outputs and gradients,
 * equal up to float rounding.
 */
final class ConvComparison {
  private ConvComparison() {}

  /**
   * Gives both layers the same random weights, runs a forward and a backward pass through each,
   * and compares the outputs, the input gradient and every weight's gradient.
   *
   * @param fast the layer computing by the algorithm under test; built
   * @param plain the layer computing by im2col; built for the same shape
   * @param batch the number of images
   * @param shape one image's shape
   */
  static void sameResults(Conv2D fast, Conv2D plain, int batch, int... shape) {
    sameResults(fast, plain, 1, batch, shape);
  }

  /**
   * {@link #sameResults(Conv2D, Conv2D, int, int...)} for an algorithm that rounds more than
   * im2col: every bound is {@code roundings} times the plain one.
   *
   * @param fast the layer computing by the algorithm under test; built
   * @param plain the layer computing by im2col; built for the same shape
   * @param roundings how many times the plain bound the results may differ by
   * @param batch the number of images
   * @param shape one image's shape
   */
  static void sameResults(Conv2D fast, Conv2D plain, int roundings, int batch, int... shape) {
    Random random = new Random(3);
    List<Variable> a = fast.weights();
    List<Variable> b = plain.weights();
    for (int i = 0; i < a.size(); i++) {
      float[] w = a.get(i).value();
      for (int j = 0; j < w.length; j++) {
        w[j] = (float) random.nextGaussian() * 0.3f;
      }
      System.arraycopy(w, 0, b.get(i).value(), 0, w.length);
    }
    int inputs = batch * shape[0] * shape[1] * shape[2];
    float[] x = new float[inputs];
    for (int i = 0; i < inputs; i++) {
      x[i] = random.nextFloat() * 2 - 1;
    }
    fast.computeInputGradient(true);
    plain.computeInputGradient(true);
    float[] y1 = fast.forward(x, batch, true).clone();
    float[] y2 = plain.forward(x, batch, true);
    close(y2, y1, roundings, "outputs");
    float[] dy = new float[y2.length];
    for (int i = 0; i < dy.length; i++) {
      dy[i] = random.nextFloat() - 0.5f;
    }
    float[] dx1 = fast.backward(dy.clone(), batch).clone();
    float[] dx2 = plain.backward(dy.clone(), batch);
    close(dx2, dx1, roundings, "input gradient");
    for (int i = 0; i < a.size(); i++) {
      close(b.get(i).gradient(), a.get(i).gradient(), roundings, a.get(i).name() + " gradient");
    }
  }

  /** Equal up to {@code roundings} times the float rounding of sums of a few hundred terms. */
  private static void close(float[] expected, float[] actual, int roundings, String what) {
    assertEquals(expected.length, actual.length, what);
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], roundings * 2e-6 * (1 + scale), what + " at " + i);
    }
  }
}
