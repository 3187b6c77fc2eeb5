package dev.tensile.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.tensor.Variable;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The convolution by Winograd's algorithm: which layers take it, and that they compute what
 * im2col computes, forward and backward, up to rounding.
 */
class WinogradConvolutionTest {

  private static boolean usesWinograd(Conv2D conv, int... shape) {
    conv.build(shape);
    return conv.usesWinograd();
  }

  @Test
  void threeByThreeKernelsOfStrideOneOverEightChannelsOrMoreTakeIt() {
    assertTrue(usesWinograd(new Conv2D(64, 3, "relu").padding("same"), 14, 14, 32));
    assertTrue(usesWinograd(new Conv2D(4, 3), 6, 8, 8));
    assertFalse(usesWinograd(new Conv2D(32, 3, "relu").padding("same"), 28, 28, 1),
        "one channel");
    assertFalse(usesWinograd(new Conv2D(4, 3), 6, 8, 7), "seven channels");
    assertFalse(usesWinograd(new Conv2D(4, 3).padding("same"), 5, 8, 8), "an odd height");
    assertFalse(usesWinograd(new Conv2D(4, 3), 7, 8, 8), "an odd valid height");
    assertFalse(usesWinograd(new Conv2D(4, 3).strides(2), 9, 9, 8), "stride 2");
    assertFalse(usesWinograd(new Conv2D(4, 3).dilationRate(2), 8, 8, 8), "dilation 2");
    assertFalse(usesWinograd(new Conv2D(4, 5).padding("same"), 8, 8, 8), "a 5 x 5 kernel");
    assertFalse(usesWinograd(new Conv2D(4, new int[] {3, 1}, (String) null), 8, 8, 8),
        "a 3 x 1 kernel");
    assertFalse(usesWinograd(new Conv2D(4, 3).winogradAllowed(false), 6, 8, 8), "not allowed");
  }

  @Test
  void sameAndValidPaddingGiveIm2colsOutputsAndGradients() {
    compare(() -> new Conv2D(24, 3, "relu").padding("same"), 3, 10, 12, 16);
    compare(() -> new Conv2D(5, 3).useBias(false), 2, 8, 6, 19);
    compare(() -> new Conv2D(33, 3, "tanh"), 1, 6, 4, 8);
  }

  /** Runs the same weights and inputs through both algorithms and compares every result. */
  private static void compare(Supplier<Conv2D> make, int batch, int... shape) {
    Conv2D winograd = make.get();
    Conv2D im2col = make.get().winogradAllowed(false);
    winograd.build(shape);
    im2col.build(shape);
    assertTrue(winograd.usesWinograd());
    assertFalse(im2col.usesWinograd());
    Random random = new Random(3);
    List<Variable> a = winograd.weights();
    List<Variable> b = im2col.weights();
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
    winograd.computeInputGradient(true);
    im2col.computeInputGradient(true);
    float[] y1 = winograd.forward(x, batch, true).clone();
    float[] y2 = im2col.forward(x, batch, true);
    close(y2, y1, "outputs");
    float[] dy = new float[y2.length];
    for (int i = 0; i < dy.length; i++) {
      dy[i] = random.nextFloat() - 0.5f;
    }
    float[] dx1 = winograd.backward(dy.clone(), batch).clone();
    float[] dx2 = im2col.backward(dy.clone(), batch);
    close(dx2, dx1, "input gradient");
    for (int i = 0; i < a.size(); i++) {
      close(b.get(i).gradient(), a.get(i).gradient(), a.get(i).name() + " gradient");
    }
  }

  /** Equal up to float rounding of sums of a few hundred terms of order 1. */
  private static void close(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 2e-6 * (1 + scale), what + " at " + i);
    }
  }
}
