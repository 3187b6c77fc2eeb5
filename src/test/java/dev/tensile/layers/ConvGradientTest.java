package dev.tensile.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.testing.GradientCheck;
import dev.tensile.tensor.Variable;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference checks of the convolution, pooling and normalization layers' input and weight
 * gradients, over strides, paddings with odd and even totals, dilation, non-square kernels and
 * images, and batches of 1 and odd sizes.
 */
class ConvGradientTest {

  static Stream<Arguments> layers() {
    return Stream.of(
        layer("conv valid 3x3 batch 1", () -> new Conv2D(3, 3), 1, 5, 6, 2),
        layer("conv same 3x3 (even total)", () -> new Conv2D(2, 3).padding("same"), 3, 5, 5, 1),
        layer("conv same 2x2 (odd total)", () -> new Conv2D(3, 2).padding("same"), 3, 4, 5, 2),
        layer("conv same stride 2 (odd total)",
            () -> new Conv2D(2, 3).strides(2).padding("same"), 3, 6, 6, 2),
        layer("conv valid strides 2x1 kernel 3x2",
            () -> new Conv2D(2, new int[] {3, 2}, (String) null).strides(2, 1), 5, 7, 5, 3),
        layer("conv same dilation 2 kernel 2x3",
            () -> new Conv2D(2, new int[] {2, 3}, (String) null).dilationRate(2).padding("same"),
            3, 7, 6, 2),
        layer("conv valid dilation 2x1 no bias",
            () -> new Conv2D(2, 3).dilationRate(2, 1).useBias(false), 1, 7, 5, 2),
        layer("conv 1x1", () -> new Conv2D(3, 1), 3, 3, 4, 5),
        layer("conv tanh", () -> new Conv2D(2, 3, "tanh").padding("same"), 3, 4, 4, 2),
        layer("max pool 2", () -> new MaxPooling2D(2), 3, 6, 5, 3),
        layer("max pool 3 stride 2 same", () -> new MaxPooling2D(3).strides(2).padding("same"),
            3, 6, 7, 2),
        layer("max pool 2x3 strides 1x2", () -> new MaxPooling2D(new int[] {2, 3}).strides(1, 2),
            1, 5, 7, 2),
        layer("average pool 2", () -> new AveragePooling2D(2), 3, 6, 5, 3),
        layer("average pool 3 stride 2 same",
            () -> new AveragePooling2D(3).strides(2).padding("same"), 3, 6, 7, 2),
        layer("average pool 2 stride 1 same (odd total)",
            () -> new AveragePooling2D(2).strides(1).padding("same"), 1, 5, 4, 2),
        layer("global average pool", GlobalAveragePooling2D::new, 3, 4, 5, 3),
        layer("global max pool", GlobalMaxPooling2D::new, 3, 4, 5, 3),
        layer("batch norm inference", BatchNormalization::new, 3, 3, 4, 5),
        layer("reshape", () -> new Reshape(3, -1), 3, 2, 6));
  }

  private static Arguments layer(String name, Supplier<Layer> make, int batch, int... shape) {
    return Arguments.of(name, make, batch, shape);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void gradientsMatchFiniteDifferences(
      String name, Supplier<Layer> make, int batch, int[] shape) {
    Layer layer = make.get();
    layer.build(shape);
    check(layer, batch, false, 31);
  }

  @Test
  void winogradConvolutionsMatchFiniteDifferences() {
    checkTaking(conv -> conv.winogradTileSize() == 2, "Winograd's F(2 x 2, 3 x 3)",
        new Object[][] {
          {new Conv2D(3, 3).padding("same"), 2, new int[] {6, 6, 8}},
          {new Conv2D(2, 3, "tanh"), 1, new int[] {6, 4, 9}},
          {new Conv2D(2, 3).padding("same").useBias(false), 3, new int[] {2, 4, 17}},
        });
    checkTaking(conv -> conv.winogradTileSize() == 4, "Winograd's F(4 x 4, 3 x 3)",
        new Object[][] {
          {new Conv2D(3, 3).padding("same"), 2, new int[] {5, 6, 8}},
          {new Conv2D(2, 3).padding("same"), 2, new int[] {5, 7, 8}},
          {new Conv2D(3, 3, "tanh"), 1, new int[] {9, 7, 10}},
        });
  }

  @Test
  void directSingleChannelConvolutionsMatchFiniteDifferences() {
    checkTaking(Conv2D::usesDirect, "the direct kernels", new Object[][] {
      {new Conv2D(3, 3).padding("same"), 2, new int[] {5, 4, 1}},
      {new Conv2D(17, 3, "tanh"), 1, new int[] {4, 6, 1}},
      {new Conv2D(2, 3).padding("same").useBias(false), 3, new int[] {3, 3, 1}},
    });
  }

  /** Builds each case's layer, checks that it takes the algorithm, then its gradients. */
  private static void checkTaking(Predicate<Conv2D> takes, String algorithm, Object[][] cases) {
    for (Object[] c : cases) {
      Conv2D conv = (Conv2D) c[0];
      conv.build((int[]) c[2]);
      assertTrue(takes.test(conv), "takes " + algorithm);
      check(conv, (Integer) c[1], false, 17);
    }
  }

  @Test
  void batchNormalizationInTrainingMode() {
    for (int batch : new int[] {1, 3}) {
      Layer layer = new BatchNormalization();
      layer.build(new int[] {3, 2, 4});
      check(layer, batch, true, 7);
    }
    Layer plain = new BatchNormalization().center(false).scale(false);
    plain.build(new int[] {5});
    check(plain, 7, true, 8);
  }

  /**
   * Checks {@code L = sum(r * forward(x))} with distinct inputs spaced evenly in [-1, 1], farther
   * apart than twice the step, so no step changes which input a pooling window takes.
   */
  private static void check(Layer layer, int batch, boolean training, long seed) {
    Random random = new Random(seed);
    int n = batch * size(layer.inputShape());
    float[] x = spaced(random, n);
    for (Variable v : layer.weights()) {
      if (v.trainable()) {
        float[] w = GradientCheck.randoms(random, v.size());
        System.arraycopy(w, 0, v.value(), 0, w.length);
      }
    }
    float[] r = GradientCheck.randoms(random, batch * size(layer.outputShape()));
    int outSize = r.length;
    layer.forward(x, batch, training);
    float[] dx = layer.backward(r.clone(), batch);
    float[] dxCopy = dx == null ? null : java.util.Arrays.copyOf(dx, n);
    List<Variable> weights = layer.weights();
    float[][] dw = new float[weights.size()][];
    for (int i = 0; i < dw.length; i++) {
      dw[i] = weights.get(i).gradient().clone();
    }
    DoubleSupplier loss = () -> GradientCheck.dot(r, layer.forward(x, batch, training), outSize);
    double step = 1e-3;
    GradientCheck.check(layer.name() + " dX", x, dxCopy, loss, step, 2e-2);
    for (int i = 0; i < dw.length; i++) {
      if (weights.get(i).trainable()) {
        GradientCheck.check(
            layer.name() + " d" + weights.get(i).name(), weights.get(i).value(), dw[i], loss,
            step, 2e-2);
      }
    }
  }

  /** Returns n values spaced evenly in [-1, 1], in random order. */
  private static float[] spaced(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = -1f + 2f * i / Math.max(1, n - 1);
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      float t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return v;
  }

  @Test
  void reshapeIsTheIdentityOnData() {
    Layer layer = new Reshape(3, -1);
    layer.build(new int[] {2, 6});
    assertArrayEquals(new int[] {3, 4}, layer.outputShape());
  }

  private static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
