package dev.tensile.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The convolution by Winograd's algorithm: which layers take it and by which tiling, and that
 * they compute what im2col computes, forward and backward, up to rounding.
 */
class WinogradConvolutionTest {
  /** Whether this JVM lets even extents take {@code F(4 x 4)}. */
  private static final boolean LARGE = WinogradConvolution.LARGE_TILES_FOR_EVEN;

  /** Returns the built layer's Winograd tile size, 0 when it takes another algorithm. */
  private static int tileSize(Conv2D conv, int... shape) {
    conv.build(shape);
    return conv.winogradTileSize();
  }

  @Test
  void threeByThreeKernelsOfStrideOneOverEightChannelsOrMoreTakeIt() {
    assertEquals(LARGE ? 4 : 2, tileSize(new Conv2D(64, 3, "relu").padding("same"), 14, 14, 32),
        "the chapter's second convolution");
    assertEquals(LARGE ? 4 : 2, tileSize(new Conv2D(4, 3), 6, 8, 8), "4 x 6 outputs");
    assertEquals(2, tileSize(new Conv2D(4, 3), 8, 8, 8), "6 x 6 outputs: as many products");
    assertEquals(2, tileSize(new Conv2D(4, 3).padding("same"), 2, 2, 8), "2 x 2 outputs");
    assertEquals(4, tileSize(new Conv2D(4, 3).padding("same"), 5, 8, 8), "an odd height");
    assertEquals(4, tileSize(new Conv2D(4, 3), 7, 8, 8), "an odd valid height");
    assertEquals(4, tileSize(new Conv2D(4, 3).padding("same"), 6, 7, 8), "an odd width");
    assertEquals(4, tileSize(new Conv2D(64, 3).padding("same"), 7, 7, 32), "7 x 7 outputs");
    assertEquals(0, tileSize(new Conv2D(32, 3, "relu").padding("same"), 28, 28, 1),
        "one channel");
    assertEquals(0, tileSize(new Conv2D(4, 3), 6, 8, 7), "seven channels");
    assertEquals(0, tileSize(new Conv2D(4, 3).strides(2), 9, 9, 8), "stride 2");
    assertEquals(0, tileSize(new Conv2D(4, 3).dilationRate(2), 8, 8, 8), "dilation 2");
    assertEquals(0, tileSize(new Conv2D(4, 5).padding("same"), 8, 8, 8), "a 5 x 5 kernel");
    assertEquals(0, tileSize(new Conv2D(4, new int[] {3, 1}, (String) null), 8, 8, 8),
        "a 3 x 1 kernel");
    assertEquals(0, tileSize(new Conv2D(4, 3).winogradAllowed(false), 6, 8, 8), "not allowed");
  }

  @Test
  void evenExtentsTakeTheLargeTilesOnlyWhereAllowedAndFewerProducts() {
    assertEquals(2, WinogradConvolution.tilingFor(14, 14, false).size());
    assertEquals(4, WinogradConvolution.tilingFor(14, 14, true).size(), "576 against 784");
    assertEquals(4, WinogradConvolution.tilingFor(4, 6, true).size(), "72 against 96");
    assertEquals(2, WinogradConvolution.tilingFor(6, 6, true).size(), "144 either way");
    assertEquals(2, WinogradConvolution.tilingFor(2, 4, true).size(), "36 against 32");
    assertEquals(4, WinogradConvolution.tilingFor(7, 7, false).size(), "odd: F(2 x 2) cannot");
    assertEquals(4, WinogradConvolution.tilingFor(6, 5, false).size(), "odd: F(2 x 2) cannot");
    assertEquals(Runtime.version().feature() >= 25, LARGE);
  }

  @Test
  void bothTilingsGiveIm2colsOutputsAndGradients() {
    compare(2, () -> new Conv2D(33, 3, "tanh"), 1, 6, 4, 8);
    compare(2, () -> new Conv2D(7, 3).padding("same"), 2, 6, 6, 9);
    compare(LARGE ? 4 : 2, () -> new Conv2D(24, 3, "relu").padding("same"), 3, 10, 12, 16);
    compare(LARGE ? 4 : 2, () -> new Conv2D(64, 3, "relu").padding("same"), 2, 14, 14, 32);
    compare(4, () -> new Conv2D(5, 3).useBias(false), 2, 9, 6, 19);
    compare(4, () -> new Conv2D(12, 3, "relu").padding("same"), 3, 7, 9, 10);
    compare(4, () -> new Conv2D(6, 3), 2, 11, 9, 8);
    compare(4, () -> new Conv2D(64, 3, "relu").padding("same"), 2, 7, 7, 32);
  }

  /**
   * Runs the same weights and inputs through the tiling and im2col and compares every result:
   * to float rounding for {@code F(2 x 2)}, whose largest error here is a sixth of that bound;
   * for {@code F(4 x 4)}, whose transforms multiply by up to 8 and 1/6, to five times it (its
   * largest error here is 2.2 times the bound, 13 times {@code F(2 x 2)}'s).
   */
  private static void compare(int tile, Supplier<Conv2D> make, int batch, int... shape) {
    Conv2D winograd = make.get();
    Conv2D im2col = make.get().winogradAllowed(false);
    winograd.build(shape);
    im2col.build(shape);
    assertEquals(tile, winograd.winogradTileSize());
    assertEquals(0, im2col.winogradTileSize());
    ConvComparison.sameResults(winograd, im2col, tile == 2 ? 1 : 5, batch, shape);
  }
}
