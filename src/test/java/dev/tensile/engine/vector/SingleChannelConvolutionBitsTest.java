package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.TestArrays.nans;
import static dev.tensile.engine.vector.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tensile.engine.Engines;
import dev.tensile.engine.ScalarSingleChannelConvolution;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bits of the Vector API forward: every output is the chain of nine multiply-adds in tap
 * order from zero, fused where the CPU can except in the last {@code filters mod L} filters, which
 * the portable loop computes; so without fused multiply-add they are the portable loop's bits.
 * Output widths below, at and past a group of four positions, and filter counts around the vector
 * widths.
 */
class SingleChannelConvolutionBitsTest {
  private static final int[] FILTERS = {1, 5, 8, 16, 17, 32, 33};

  /** Padded widths, for output widths 1, 3, 4, 7 and 28. */
  private static final int[] WIDTHS = {3, 5, 6, 9, 30};

  private static final int HEIGHT = 5;

  private static final int BATCH = 2;

  @BeforeAll
  static void needsTheVectorModule() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "JVM started without jdk.incubator.vector");
  }

  @Test
  void forwardIsEachPositionsChainOfMultiplyAddsInTapOrder() {
    SplittableRandom random = new SplittableRandom(12);
    for (int f : FILTERS) {
      for (int w : WIDTHS) {
        String where = f + " filters, padded width " + w;
        float[] x = uniform(BATCH * HEIGHT * w, random);
        float[] kernel = uniform(9 * f, random);
        float[] expected = new float[BATCH * (HEIGHT - 2) * (w - 2) * f];
        int upper = f - f % Kernels.L;
        int out = 0;
        for (int n = 0; n < BATCH; n++) {
          for (int i = 0; i < HEIGHT - 2; i++) {
            for (int j = 0; j < w - 2; j++) {
              for (int c = 0; c < f; c++) {
                boolean fused = Kernels.FUSED && c < upper;
                float acc = 0f;
                for (int t = 0; t < 9; t++) {
                  float p = x[(n * HEIGHT + i + t / 3) * w + j + t % 3];
                  float k = kernel[t * f + c];
                  acc = fused ? Math.fma(p, k, acc) : p * k + acc;
                }
                expected[out++] = acc;
              }
            }
          }
        }
        float[] z = nans(expected.length);
        VectorSingleChannelConvolution.INSTANCE.forward(x, HEIGHT, w, kernel, f, z, 0, BATCH);
        assertArrayEquals(expected, z, where);
        if (!Kernels.FUSED) {
          float[] portable = nans(expected.length);
          ScalarSingleChannelConvolution.INSTANCE.forward(
              x, HEIGHT, w, kernel, f, portable, 0, BATCH);
          assertArrayEquals(portable, z, "the portable loop's bits, " + where);
        }
      }
    }
  }
}
