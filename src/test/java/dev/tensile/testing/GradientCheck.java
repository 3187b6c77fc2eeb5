package dev.tensile.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tensile.internal.LayerAccess;
import dev.tensile.layers.Layer;
import dev.tensile.tensor.Variable;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient checks: each analytic derivative is compared with the central
 * difference {@code (f(p + h) - f(p - h)) / 2h}, perturbing one element at a time.
 */
public final class GradientCheck {
  /** Step for smooth functions in float32: small truncation error, tolerable rounding error. */
  public static final double STEP = 1e-2;

  /** Runs the layer's protected batch methods, as the model does. */
  private static final LayerAccess.Ops<Layer> LAYERS = LayerAccess.ops(Layer.class);

  private GradientCheck() {}

  /**
   * Checks {@code analytic} against central differences of {@code loss} over {@code params}.
   *
   * @param what names the gradient in failure messages
   * @param params the values to perturb (restored afterwards)
   * @param analytic the claimed gradient, same length
   * @param loss evaluates the loss at the current params
   * @param h the step
   * @param tolerance allowed error relative to {@code max(1, |analytic|)}
   */
  public static void check(
      String what, float[] params, float[] analytic, DoubleSupplier loss, double h,
      double tolerance) {
    for (int i = 0; i < analytic.length; i++) {
      float saved = params[i];
      params[i] = (float) (saved + h);
      double plus = loss.getAsDouble();
      params[i] = (float) (saved - h);
      double minus = loss.getAsDouble();
      params[i] = saved;
      double numeric = (plus - minus) / (2 * h);
      double err = Math.abs(numeric - analytic[i]);
      if (err > tolerance * Math.max(1.0, Math.abs(analytic[i]))) {
        fail(what + "[" + i + "]: analytic " + analytic[i] + " but numeric " + numeric);
      }
    }
  }

  /**
   * Checks a built layer's input and weight gradients for {@code L = sum(r * forward(x))}.
   *
   * @param layer a built layer
   * @param batch the number of samples
   * @param seed seeds the inputs and the projection {@code r}
   * @param h the finite-difference step
   * @param tolerance relative tolerance
   */
  public static void checkLayer(Layer layer, int batch, long seed, double h, double tolerance) {
    Random random = new Random(seed);
    float[] x = randoms(random, batch * size(layer.inputShape()));
    float[] r = randoms(random, batch * size(layer.outputShape()));
    float[] y = LAYERS.forward(layer, x, batch, false).clone();
    float[] dx = LAYERS.backward(layer, r.clone(), batch);
    float[] dxCopy = dx == null ? null : dx.clone();
    List<Variable> weights = layer.weights();
    float[][] dw = new float[weights.size()][];
    for (int i = 0; i < dw.length; i++) {
      dw[i] = weights.get(i).gradient().clone();
    }
    DoubleSupplier loss = () -> dot(r, LAYERS.forward(layer, x, batch, false), y.length);
    if (dxCopy != null) {
      check(layer.name() + " dX", x, slice(dxCopy, x.length), loss, h, tolerance);
    }
    for (int i = 0; i < dw.length; i++) {
      check(layer.name() + " d" + weights.get(i).name(), weights.get(i).value(), dw[i], loss, h,
          tolerance);
    }
  }

  /**
   * Returns {@code sum(a[i] * b[i])} over the first {@code n} elements, in double.
   *
   * @param a first vector
   * @param b second vector
   * @param n how many elements
   * @return the dot product
   */
  public static double dot(float[] a, float[] b, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  /**
   * Returns {@code n} values uniform in [-1, 1).
   *
   * @param random the generator
   * @param n how many
   * @return the values
   */
  public static float[] randoms(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextFloat() * 2 - 1;
    }
    return v;
  }

  private static float[] slice(float[] a, int n) {
    float[] out = new float[n];
    System.arraycopy(a, 0, out, 0, n);
    return out;
  }

  private static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
