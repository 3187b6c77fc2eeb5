package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Winograd contract for the Vector API transforms, and their bits against the portable
 * ones'; skipped when the JVM lacks {@code jdk.incubator.vector}.
 */
class VectorWinogradTest extends WinogradContract {
  @BeforeAll
  static void needsTheVectorModule() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "JVM started without jdk.incubator.vector");
  }

  @Override
  protected Winograd kernels() {
    return Engines.vector().winograd();
  }

  @Test
  void theVectorEngineHasTransformsOfItsOwn() {
    assertNotSame(ScalarWinograd.INSTANCE, Engines.vector().winograd());
  }

  @Test
  void everyTransformGivesThePortableBits() {
    Winograd scalar = ScalarWinograd.INSTANCE;
    Winograd vector = kernels();
    for (int c : CHANNELS) {
      int padded = IMAGES * (2 * TILES_HIGH + 2) * (2 * TILES_WIDE + 2) * c;
      int plain = IMAGES * 4 * TILES_HIGH * TILES_WIDE * c;
      float[] x = randoms(padded);
      float[][] v1 = matrices(tiles(), c, 0f);
      float[][] v2 = matrices(tiles(), c, 0f);
      scalar.inputTiles(x, TILES_HIGH, TILES_WIDE, c, v1, 0, IMAGES);
      vector.inputTiles(x, TILES_HIGH, TILES_WIDE, c, v2, 0, IMAGES);
      assertArrayEquals(v1, v2, "input tiles, channels " + c);

      float[] y1 = new float[plain];
      float[] y2 = new float[plain];
      scalar.outputTiles(v1, TILES_HIGH, TILES_WIDE, c, y1, 0, IMAGES);
      vector.outputTiles(v1, TILES_HIGH, TILES_WIDE, c, y2, 0, IMAGES);
      assertArrayEquals(y1, y2, "output tiles, channels " + c);

      float[] dy = randoms(plain);
      scalar.outputGradientTiles(dy, TILES_HIGH, TILES_WIDE, c, v1, 0, IMAGES);
      vector.outputGradientTiles(dy, TILES_HIGH, TILES_WIDE, c, v2, 0, IMAGES);
      assertArrayEquals(v1, v2, "output gradient tiles, channels " + c);

      float[] dx1 = new float[padded];
      float[] dx2 = new float[padded];
      scalar.inputGradientTiles(v1, TILES_HIGH, TILES_WIDE, c, dx1, 0, IMAGES);
      vector.inputGradientTiles(v1, TILES_HIGH, TILES_WIDE, c, dx2, 0, IMAGES);
      assertArrayEquals(dx1, dx2, "input gradient tiles, channels " + c);
    }
  }
}
