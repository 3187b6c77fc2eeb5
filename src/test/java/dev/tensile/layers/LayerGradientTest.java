package dev.tensile.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensile.testing.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayerGradientTest {

  @ParameterizedTest
  @ValueSource(strings = {"linear", "relu", "sigmoid", "tanh", "softmax"})
  void denseGradientsMatchFiniteDifferences(String activation) {
    Dense dense = new Dense(4, activation);
    dense.build(new int[] {5});
    // relu has a kink at 0: a small step keeps the differences on one side of it.
    double step = activation.equals("relu") ? 1e-3 : GradientCheck.STEP;
    GradientCheck.checkLayer(dense, 3, 11, step, 2e-2);
  }

  @Test
  void denseWithoutBiasOnThreeDimensionalInputActsOnTheLastAxis() {
    Dense dense = new Dense(3, "tanh").useBias(false);
    assertArrayEquals(new int[] {2, 3}, dense.build(new int[] {2, 4}));
    assertEquals(1, dense.weights().size());
    GradientCheck.checkLayer(dense, 2, 5, GradientCheck.STEP, 2e-2);
  }

  @Test
  void activationLayerGradientsMatchFiniteDifferences() {
    Activation layer = new Activation("sigmoid");
    layer.build(new int[] {6});
    GradientCheck.checkLayer(layer, 2, 3, GradientCheck.STEP, 1e-3);
  }

  @Test
  void flattenPassesDataAndGradientThrough() {
    Flatten flatten = new Flatten();
    assertArrayEquals(new int[] {12}, flatten.build(new int[] {3, 4}));
    GradientCheck.checkLayer(flatten, 2, 1, GradientCheck.STEP, 1e-4);
  }

  @Test
  void dropoutGradientWithAFixedMask() {
    Dropout dropout = new Dropout(0.5, 1);
    dropout.build(new int[] {4});
    Random random = new Random(2);
    int batch = 2;
    float[] mask = new float[8];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = random.nextBoolean() ? 2f : 0f;
    }
    float[] x = GradientCheck.randoms(random, 8);
    float[] r = GradientCheck.randoms(random, 8);
    dropout.forwardWithMask(x, mask, batch);
    float[] dx = dropout.backward(r.clone(), batch).clone();
    GradientCheck.check(
        "dropout dX", x, dx,
        () -> GradientCheck.dot(r, dropout.forwardWithMask(x, mask, batch), 8), 1e-2, 1e-4);
  }

  @Test
  void denseForwardIsXTimesKernelPlusBias() {
    Dense dense = new Dense(2);
    dense.build(new int[] {3});
    float[] w = dense.weights().get(0).value();
    float[] b = dense.weights().get(1).value();
    for (int i = 0; i < w.length; i++) {
      w[i] = i + 1; // kernel rows (1, 2), (3, 4), (5, 6)
    }
    b[0] = 0.5f;
    b[1] = -1f;
    float[] y = dense.forward(new float[] {1, 0, 2, 0, 1, 0}, 2, false);
    assertArrayEquals(new float[] {11.5f, 13f, 3.5f, 3f}, java.util.Arrays.copyOf(y, 4));
  }
}
