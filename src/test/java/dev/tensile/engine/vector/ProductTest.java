package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.TestArrays.nans;
import static dev.tensile.engine.vector.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.engine.Engines;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Splitting a product into parts: the parts tile C exactly and give the unsplit bits. */
class ProductTest {
  @BeforeAll
  static void needsTheVectorModule() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "JVM started without jdk.incubator.vector");
  }

  @Test
  void tallProductsSplitByRowsAndWideOnesByColumns() {
    assertEquals(3, product(300, 517, 131, nans(300 * 131)).split(3));
    assertEquals(3, product(40, 300, 1000, nans(40 * 1000)).split(3));
    assertEquals(1, product(3, 10, 20, nans(60)).split(3), "one block of 4 rows cannot be split");
    assertEquals(1, product(300, 517, 131, nans(300 * 131)).split(1));
  }

  @Test
  void partsTileTheOutputAndReproduceTheWholeProduct() {
    int[][] shapes = {{70, 30, 131}, {20, 12, 1000}, {9, 33, 45}, {130, 20, 100}};
    for (int[] s : shapes) {
      int m = s[0];
      int n = s[2];
      float[] expected = nans(m * n);
      product(m, s[1], n, expected).computeBlock(0, m, 0, n);
      for (int parts = 2; parts <= 5; parts++) {
        float[] c = nans(m * n);
        Product split = product(m, s[1], n, c);
        int actual = split.split(parts);
        for (int part = 0; part < actual; part++) {
          float[] before = c.clone();
          split.runPart(part);
          int changed = 0;
          for (int e = 0; e < c.length; e++) {
            if (Float.floatToIntBits(c[e]) != Float.floatToIntBits(before[e])) {
              assertTrue(Float.isNaN(before[e]), "element " + e + " written twice");
              changed++;
            }
          }
          assertTrue(changed > 0, "part " + part + " of " + actual + " wrote nothing");
        }
        assertArrayEquals(expected, c, Arrays.toString(s) + " in " + actual + " parts");
      }
    }
  }

  @Test
  void everyElementIsOneChainOfMultiplyAddsWhicheverKernelComputesIt() {
    // Shapes that pack B (at least 64 rows) with rows and k not multiples of the blocks, so that
    // the row-major kernel, the transposed one, the general one and the 4-row and 1-row ones all
    // run, and one that reads B in place (fewer than 64 rows); A both as stored and transposed.
    int[][] shapes = {
      {75, 300, 4 * 2 * Kernels.L + 5}, {64, 40, 8 * Kernels.L}, {70, 30, 131}, {44, 30, 131}
    };
    SplittableRandom random = new SplittableRandom(44);
    for (int[] s : shapes) {
      int m = s[0];
      int k = s[1];
      int n = s[2];
      float[] a = uniform(m * k, random);
      float[] b = uniform(k * n, random);
      for (boolean transposed : new boolean[] {false, true}) {
        int ars = transposed ? 1 : k;
        int acs = transposed ? m : 1;
        float[] expected = new float[m * n];
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            float acc = 0f;
            for (int p = 0; p < k; p++) {
              float x = a[i * ars + p * acs];
              acc = Kernels.FUSED ? Math.fma(x, b[p * n + j], acc) : x * b[p * n + j] + acc;
            }
            expected[i * n + j] = acc;
          }
        }
        float[] c = nans(m * n);
        Product product = new Product();
        product.set(a, ars, acs, b, c, m, k, n);
        product.computeBlock(0, m, 0, n);
        assertArrayEquals(expected, c, Arrays.toString(s) + (transposed ? ", A transposed" : ""));
      }
    }
  }


  /** A product {@code C = A B} on seeded random inputs, into c. */
  private static Product product(int m, int k, int n, float[] c) {
    SplittableRandom random = new SplittableRandom(31L * m + 7L * k + n);
    float[] a = uniform(m * k, random);
    float[] b = uniform(k * n, random);
    Product p = new Product();
    p.set(a, k, 1, b, c, m, k, n);
    return p;
  }
}
