package dev.tensile.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.testing.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationsTest {

  @ParameterizedTest
  @ValueSource(strings = {"linear", "relu", "sigmoid", "tanh", "softmax"})
  void derivativeMatchesFiniteDifferences(String name) {
    ActivationFunction f = Activations.get(name);
    int rows = 3;
    int width = 5;
    Random random = new Random(7);
    float[] z = GradientCheck.randoms(random, rows * width);
    // Keep relu's inputs away from its kink, where the derivative jumps.
    for (int i = 0; i < z.length; i++) {
      if (Math.abs(z[i]) < 0.05f) {
        z[i] += 0.1f;
      }
    }
    float[] r = GradientCheck.randoms(random, rows * width);
    float[] y = new float[z.length];
    f.forward(z, y, rows, width);
    float[] dz = new float[z.length];
    f.backward(y, r, dz, rows, width);
    float[] out = new float[z.length];
    GradientCheck.check(
        name,
        z,
        dz,
        () -> {
          f.forward(z, out, rows, width);
          return GradientCheck.dot(r, out, out.length);
        },
        1e-2,
        1e-3);
  }

  @Test
  void valuesFollowTheFormulas() {
    float[] z = {-2f, 0f, 3f};
    float[] y = new float[3];
    Activations.RELU.forward(z, y, 1, 3);
    assertEquals(0f, y[0]);
    assertEquals(3f, y[2]);
    Activations.SIGMOID.forward(z, y, 1, 3);
    assertEquals(1 / (1 + Math.exp(2)), y[0], 1e-7);
    assertEquals(0.5f, y[1]);
    Activations.TANH.forward(z, y, 1, 3);
    assertEquals(Math.tanh(3), y[2], 1e-6);
  }

  @Test
  void softmaxIsStableForHugeLogitsAndSumsToOne() {
    float[] z = {1000f, 1001f, 999f, -1000f, 0f, 1000f};
    float[] y = new float[6];
    Activations.SOFTMAX.forward(z, y, 2, 3);
    for (float v : y) {
      assertTrue(Float.isFinite(v));
    }
    assertEquals(1.0, y[0] + y[1] + y[2], 1e-6);
    assertEquals(1.0, y[3] + y[4] + y[5], 1e-6);
    assertEquals(Math.exp(1) / (1 + Math.exp(1) + Math.exp(-1)), y[1], 1e-6);
    assertEquals(1f, y[5], 1e-6);
  }

  @Test
  void forwardAndBackwardMayRunInPlace() {
    float[] z = {-1f, 2f};
    Activations.RELU.forward(z, z, 1, 2);
    float[] g = {5f, 7f};
    Activations.RELU.backward(z, g, g, 1, 2);
    assertEquals(0f, g[0]);
    assertEquals(7f, g[1]);
  }

  @Test
  void namesResolveCaseInsensitivelyAndNullIsLinear() {
    assertSame(Activations.RELU, Activations.get("ReLU"));
    assertSame(Activations.LINEAR, Activations.get(null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Activations.get("swishy"));
    assertTrue(e.getMessage().contains("swishy") && e.getMessage().contains("softmax"));
  }
}
