package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code F(4 x 4, 3 x 3)} contract for the Vector API transforms, and their bits against the
 * portable ones'; skipped when the JVM lacks {@code jdk.incubator.vector}.
 */
class VectorWinogradF4Test extends WinogradF4Contract {
  @BeforeAll
  static void needsTheVectorModule() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "JVM started without jdk.incubator.vector");
  }

  @Override
  protected WinogradF4 kernels() {
    return Engines.vector().winogradF4();
  }

  @Test
  void theVectorEngineHasTransformsOfItsOwn() {
    assertNotSame(ScalarWinogradF4.INSTANCE, Engines.vector().winogradF4());
  }

  @Test
  void everyTransformGivesThePortableBits() {
    WinogradF4 scalar = ScalarWinogradF4.INSTANCE;
    WinogradF4 vector = kernels();
    for (int[] extent : EXTENTS) {
      int h = extent[0];
      int w = extent[1];
      for (int c : CHANNELS) {
        int plain = IMAGES * h * w * c;
        float[] x = randoms(paddedSize(c));
        float[][] v1 = matrices(tiles(), c, 0f);
        float[][] v2 = matrices(tiles(), c, 0f);
        scalar.inputTiles(x, TILES_HIGH, TILES_WIDE, c, v1, 0, IMAGES);
        vector.inputTiles(x, TILES_HIGH, TILES_WIDE, c, v2, 0, IMAGES);
        assertArrayEquals(v1, v2, "input tiles, channels " + c);

        float[] y1 = new float[plain];
        float[] y2 = new float[plain];
        scalar.outputTiles(v1, TILES_HIGH, TILES_WIDE, h, w, c, y1, 0, IMAGES);
        vector.outputTiles(v1, TILES_HIGH, TILES_WIDE, h, w, c, y2, 0, IMAGES);
        assertArrayEquals(y1, y2, "output tiles, " + h + " x " + w + ", channels " + c);

        float[] dy = randoms(plain);
        scalar.outputGradientTiles(dy, TILES_HIGH, TILES_WIDE, h, w, c, v1, 0, IMAGES);
        vector.outputGradientTiles(dy, TILES_HIGH, TILES_WIDE, h, w, c, v2, 0, IMAGES);
        assertArrayEquals(v1, v2, "output gradient tiles, " + h + " x " + w + ", channels " + c);

        float[] dx1 = new float[paddedSize(c)];
        float[] dx2 = new float[paddedSize(c)];
        scalar.inputGradientTiles(v1, TILES_HIGH, TILES_WIDE, c, dx1, 0, IMAGES);
        vector.inputGradientTiles(v1, TILES_HIGH, TILES_WIDE, c, dx2, 0, IMAGES);
        assertArrayEquals(dx1, dx2, "input gradient tiles, channels " + c);
      }
    }
  }
}
