package dev.tensile.layers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    ConvComparison.sameResults(winograd, im2col, batch, shape);
  }
}
