package dev.tensile.examples;

import dev.tensile.datasets.Split;
import dev.tensile.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A split given as an order of the samples, one index per line, as a Python script writes numpy's
 * {@code np.random.default_rng(42).permutation(60000)}: the first part of the order is held out
 * and the rest trains, so a Tensile run can use the very validation set a Keras run used.
 */
final class SampleOrder {
  private SampleOrder() {}

  /**
   * Reads an order of {@code n} samples: a permutation of {@code 0..n-1}, one number per line.
   *
   * @param file the text file
   * @param n the number of samples
   * @return the order
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is not a permutation of {@code 0..n-1}, saying where
   */
  static int[] read(Path file, int n) throws IOException {
    int[] order = new int[n];
    boolean[] seen = new boolean[n];
    int count = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      String line;
      while ((line = in.readLine()) != null) {
        String text = line.trim();
        if (text.isEmpty()) {
          continue;
        }
        if (count == n) {
          throw new IllegalArgumentException(file + " has more than " + n + " indices");
        }
        int index;
        try {
          index = Integer.parseInt(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              file + ", index " + (count + 1) + ": expected a whole number, got '" + text + "'");
        }
        if (index < 0 || index >= n || seen[index]) {
          throw new IllegalArgumentException(file + ", index " + (count + 1) + ": " + index
              + (index < 0 || index >= n ? " is outside 0.." + (n - 1) : " comes twice"));
        }
        seen[index] = true;
        order[count++] = index;
      }
    }
    if (count != n) {
      throw new IllegalArgumentException(
          file + " has " + count + " indices; expected " + n + ", one per sample");
    }
    return order;
  }

  /**
   * Splits samples by an order: its first {@code held} indices are the test (validation) part.
   *
   * @param x the samples
   * @param y their labels
   * @param order a permutation of the samples
   * @param held how many to hold out
   * @return the split, training part first
   */
  static Split split(Tensor x, Tensor y, int[] order, int held) {
    int[] test = java.util.Arrays.copyOfRange(order, 0, held);
    int[] train = java.util.Arrays.copyOfRange(order, held, order.length);
    return new Split(x.rows(train), x.rows(test), y.rows(train), y.rows(test));
  }
}
