package dev.tensile.benchmarks;

import dev.tensile.engine.MatrixEngine;
import java.util.Locale;

/**
 * One matrix product a training step performs: which {@link MatrixEngine} method and its {@code m x
 * k x n} sizes, written {@code "mult 32x784x100"}.
 *
 * <p>A product of an {@code m x k} by a {@code k x n} matrix takes {@code 2 m k n} floating-point
 * operations (a multiply and an add per term), whichever operand is transposed.
 *
 * @param op {@code mult}, {@code multTransA} or {@code multTransB}
 * @param m rows of the output
 * @param k the summed dimension
 * @param n columns of the output
 */
public record ProductShape(String op, int m, int k, int n) {

  /**
   * Checks the operation and sizes.
   *
   * @throws IllegalArgumentException if the operation is unknown or a size is not positive
   */
  public ProductShape {
    if (!op.equals("mult") && !op.equals("multTransA") && !op.equals("multTransB")) {
      throw new IllegalArgumentException(
          "unknown product '" + op + "': expected mult, multTransA or multTransB");
    }
    if (m <= 0 || k <= 0 || n <= 0) {
      throw new IllegalArgumentException(
          "product sizes must be positive, got " + m + "x" + k + "x" + n);
    }
  }

  /**
   * Reads a shape written as {@code "mult 32x784x100"}.
   *
   * @param text the operation, a space, then {@code m x k x n}
   * @return the shape
   * @throws IllegalArgumentException if the text does not have that form
   */
  public static ProductShape parse(String text) {
    String[] parts = text.trim().split(" ");
    String[] sizes = parts.length == 2 ? parts[1].split("x") : new String[0];
    if (sizes.length != 3) {
      throw new IllegalArgumentException(
          "a product shape looks like 'mult 32x784x100', got '" + text + "'");
    }
    try {
      return new ProductShape(
          parts[0],
          Integer.parseInt(sizes[0]),
          Integer.parseInt(sizes[1]),
          Integer.parseInt(sizes[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "a product shape looks like 'mult 32x784x100', got '" + text + "'", e);
    }
  }

  /**
   * Returns the floating-point operations of one product, {@code 2 m k n}.
   *
   * @return the operation count
   */
  public double flops() {
    return 2.0 * m * k * n;
  }

  /**
   * Returns the number of elements the left operand needs.
   *
   * @return {@code m k}, whichever way it is stored
   */
  public int leftSize() {
    return m * k;
  }

  /**
   * Returns the number of elements the right operand needs.
   *
   * @return {@code k n}, whichever way it is stored
   */
  public int rightSize() {
    return k * n;
  }

  /**
   * Runs the product once on the given arrays.
   *
   * @param engine the engine
   * @param a the left operand, {@link #leftSize()} elements; not modified
   * @param b the right operand, {@link #rightSize()} elements; not modified
   * @param c the output, {@code m n} elements; modified
   */
  public void run(MatrixEngine engine, float[] a, float[] b, float[] c) {
    switch (op) {
      case "mult":
        engine.mult(a, b, c, m, k, n);
        break;
      case "multTransA":
        engine.multTransA(a, b, c, m, k, n);
        break;
      default:
        engine.multTransB(a, b, c, m, k, n);
        break;
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %dx%dx%d", op, m, k, n);
  }
}
