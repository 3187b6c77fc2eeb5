package dev.tensile.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.activations.Activations;
import dev.tensile.tensor.Tensor;
import dev.tensile.testing.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LossesTest {
  private static final int ROWS = 4;
  private static final int WIDTH = 3;
  private static final float[] SPARSE = {0, 2, 1, 2};
  private static final float[] ONE_HOT = {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1};
  private static final float[] BINARY = {1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0};

  private static float[] probabilities(long seed) {
    float[] z = GradientCheck.randoms(new Random(seed), ROWS * WIDTH);
    float[] p = new float[z.length];
    Activations.SOFTMAX.forward(z, p, ROWS, WIDTH);
    return p;
  }

  private static void checkGradient(Loss loss, float[] pred, float[] target, double h) {
    float[] grad = new float[pred.length];
    loss.compute(pred, target, ROWS, WIDTH, grad);
    GradientCheck.check(loss.name(), pred, grad,
        () -> loss.compute(pred, target, ROWS, WIDTH, null), h, 2e-3);
  }

  @Test
  void probabilityGradientsMatchFiniteDifferences() {
    checkGradient(new SparseCategoricalCrossentropy(), probabilities(1), SPARSE, 1e-3);
    checkGradient(new CategoricalCrossentropy(), probabilities(2), ONE_HOT, 1e-3);
    float[] p = probabilities(3);
    checkGradient(new BinaryCrossentropy(), p, BINARY, 1e-3);
  }

  @Test
  void logitGradientsMatchFiniteDifferences() {
    Random random = new Random(4);
    checkGradient(new SparseCategoricalCrossentropy(true),
        GradientCheck.randoms(random, 12), SPARSE, 1e-2);
    checkGradient(new CategoricalCrossentropy(true),
        GradientCheck.randoms(random, 12), ONE_HOT, 1e-2);
    checkGradient(new BinaryCrossentropy(true), GradientCheck.randoms(random, 12), BINARY, 1e-2);
  }

  @Test
  void fusedFormsEqualTheUnfusedOnesAndTheirGradientsCheck() {
    Random random = new Random(5);
    Loss[] losses = {
      new SparseCategoricalCrossentropy(), new CategoricalCrossentropy(), new BinaryCrossentropy()
    };
    float[][] targets = {SPARSE, ONE_HOT, BINARY};
    for (int k = 0; k < losses.length; k++) {
      Loss loss = losses[k];
      float[] target = targets[k];
      var act = k < 2 ? Activations.SOFTMAX : Activations.SIGMOID;
      assertTrue(loss.fusesWith(act));
      float[] z = GradientCheck.randoms(random, 12);
      float[] p = new float[12];
      act.forward(z, p, ROWS, WIDTH);
      float[] grad = new float[12];
      double fused = loss.computeFromLogits(z, p, target, ROWS, WIDTH, grad);
      assertEquals(loss.compute(p, target, ROWS, WIDTH, null), fused, 1e-5);
      GradientCheck.check(loss.name() + " fused", z, grad, () -> {
        act.forward(z, p, ROWS, WIDTH);
        return loss.computeFromLogits(z, p, target, ROWS, WIDTH, null);
      }, 1e-2, 2e-3);
    }
  }

  @Test
  void probabilitiesAreClippedToEpsilon() {
    float[] pred = {0f, 1f, 1f, 0f};
    double loss = new SparseCategoricalCrossentropy().compute(pred, new float[] {0, 0}, 2, 2, null);
    // Sample 0 has p_y = 0, clipped to 1e-7; sample 1 has p_y = 1, clipped to 1 - 1e-7.
    double expected = (-Math.log(1e-7f) - Math.log(1f - 1e-7f)) / 2;
    assertEquals(expected, loss, 1e-4);
    double bce = new BinaryCrossentropy().compute(new float[] {1f}, new float[] {0f}, 1, 1, null);
    // 1 - 1e-7 in float32 is 1 - 2^-23, so 1 - p is 1.19e-7 rather than 1e-7, as in Keras.
    assertEquals(-Math.log(1 - (double) (1f - 1e-7f)), bce, 1e-3);
  }

  @Test
  void lossIsTheMeanOverTheBatch() {
    float[] pred = {0.25f, 0.75f, 0.5f, 0.5f};
    double loss = new SparseCategoricalCrossentropy().compute(pred, new float[] {1, 0}, 2, 2, null);
    assertEquals((-Math.log(0.75) - Math.log(0.5)) / 2, loss, 1e-6);
  }

  @Test
  void badTargetsAreDescribed() {
    Loss sparse = Losses.get("sparse_categorical_crossentropy");
    String m = assertThrows(IllegalArgumentException.class,
        () -> sparse.validateTargets(Tensor.ofLabels(new int[] {0, 10}), new int[] {10}))
        .getMessage();
    assertTrue(m.contains("10") && m.contains("[0, 10)"), m);
    m = assertThrows(IllegalArgumentException.class,
        () -> sparse.validateTargets(Tensor.of(new float[] {0.5f}, 1), new int[] {10}))
        .getMessage();
    assertTrue(m.contains("0.5"), m);
    Loss categorical = Losses.get("categorical_crossentropy");
    m = assertThrows(IllegalArgumentException.class,
        () -> categorical.validateTargets(Tensor.of(new float[6], 2, 3), new int[] {10}))
        .getMessage();
    assertTrue(m.contains("(None, 10)") && m.contains("(2, 3)"), m);
    m = assertThrows(IllegalArgumentException.class, () -> Losses.get("hinge")).getMessage();
    assertTrue(m.contains("hinge") && m.contains("binary_crossentropy"), m);
  }
}
