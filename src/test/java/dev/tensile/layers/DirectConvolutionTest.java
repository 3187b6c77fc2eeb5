package dev.tensile.layers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The direct kernels for single-channel 3 x 3 convolutions: which layers take them, and that
 * they compute what im2col computes, forward and backward, up to rounding.
 */
class DirectConvolutionTest {

  private static boolean usesDirect(Conv2D conv, int... shape) {
    conv.build(shape);
    return conv.usesDirect();
  }

  @Test
  void threeByThreeKernelsOfStrideOneOverOneChannelTakeThem() {
    assertTrue(usesDirect(new Conv2D(32, 3, "relu").padding("same"), 28, 28, 1));
    assertTrue(usesDirect(new Conv2D(5, 3), 7, 4, 1), "valid padding");
    assertTrue(usesDirect(new Conv2D(5, 3).padding("same"), 1, 1, 1), "one pixel");
    assertFalse(usesDirect(new Conv2D(4, 3).padding("same"), 8, 8, 2), "two channels");
    assertFalse(usesDirect(new Conv2D(4, 3).strides(2), 9, 9, 1), "stride 2");
    assertFalse(usesDirect(new Conv2D(4, 3).dilationRate(2), 8, 8, 1), "dilation 2");
    assertFalse(usesDirect(new Conv2D(4, 5).padding("same"), 8, 8, 1), "a 5 x 5 kernel");
    assertFalse(usesDirect(new Conv2D(4, new int[] {3, 1}, (String) null), 8, 8, 1),
        "a 3 x 1 kernel");
    assertFalse(usesDirect(new Conv2D(4, 3).directAllowed(false), 6, 8, 1), "not allowed");
  }

  @Test
  void sameAndValidPaddingGiveIm2colsOutputsAndGradients() {
    compare(() -> new Conv2D(32, 3, "relu").padding("same"), 3, 28, 28, 1);
    compare(() -> new Conv2D(5, 3).useBias(false), 2, 8, 6, 1);
    compare(() -> new Conv2D(33, 3, "tanh").padding("same"), 1, 5, 7, 1);
    compare(() -> new Conv2D(17, 3, "sigmoid"), 4, 3, 3, 1);
  }

  private static void compare(Supplier<Conv2D> make, int batch, int... shape) {
    Conv2D direct = make.get();
    Conv2D im2col = make.get().directAllowed(false);
    direct.build(shape);
    im2col.build(shape);
    assertTrue(direct.usesDirect());
    assertFalse(im2col.usesDirect());
    ConvComparison.sameResults(direct, im2col, batch, shape);
  }
}
