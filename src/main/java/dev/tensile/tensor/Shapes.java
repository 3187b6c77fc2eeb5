package dev.tensile.tensor;

/** Small helpers for shapes: sizes, Python-style formatting and {@code -1} inference. */
public final class Shapes {
  private Shapes() {}

  /**
   * Returns the number of elements a shape holds.
   *
   * @param shape the extents; each must be non-negative
   * @return their product
   * @throws IllegalArgumentException if an extent is negative
   */
  public static long size(int[] shape) {
    return size(shape, 0);
  }

  /**
   * Returns the product of the extents from axis {@code from} on.
   *
   * @param shape the extents; each must be non-negative
   * @param from the first axis to count
   * @return their product
   * @throws IllegalArgumentException if an extent is negative
   */
  public static long size(int[] shape, int from) {
    long n = 1;
    for (int i = from; i < shape.length; i++) {
      if (shape[i] < 0) {
        throw new IllegalArgumentException("negative extent in shape " + format(shape));
      }
      n *= shape[i];
    }
    return n;
  }

  /**
   * Formats a shape as Python prints a tuple: {@code (28, 28)}, {@code (784,)}, {@code ()}.
   *
   * @param shape the extents
   * @return the tuple text
   */
  public static String format(int[] shape) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(shape[i]);
    }
    if (shape.length == 1) {
      b.append(',');
    }
    return b.append(')').toString();
  }

  /**
   * Formats a per-sample shape with {@code None} for the batch axis, as Keras's summary does:
   * {@code (None, 784)}.
   *
   * @param sampleShape the extents of one sample
   * @return the tuple text with a leading {@code None}
   */
  public static String formatBatch(int[] sampleShape) {
    StringBuilder b = new StringBuilder("(None");
    for (int d : sampleShape) {
      b.append(", ").append(d);
    }
    return b.append(')').toString();
  }

  /**
   * Resolves a requested shape that may hold one {@code -1}.
   *
   * @param requested the new extents, at most one of them {@code -1}
   * @param size the number of elements the shape must hold
   * @param current the current shape, for the error message
   * @return the resolved shape
   * @throws IllegalArgumentException if the shape cannot hold exactly {@code size} elements
   */
  static int[] infer(int[] requested, int size, int[] current) {
    int[] s = requested.clone();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException(
              "only one axis may be -1, got shape " + format(requested));
        }
        unknown = i;
      } else if (s[i] < 0) {
        throw new IllegalArgumentException("negative extent in shape " + format(requested));
      } else {
        known *= s[i];
      }
    }
    if (unknown >= 0) {
      if (known == 0 || size % known != 0) {
        throw new IllegalArgumentException(
            "cannot reshape " + format(current) + " (" + size + " elements) into "
                + format(requested));
      }
      s[unknown] = (int) (size / known);
    } else if (known != size) {
      throw new IllegalArgumentException(
          "cannot reshape " + format(current) + " (" + size + " elements) into "
              + format(requested) + " (" + known + " elements)");
    }
    return s;
  }

  /**
   * Turns a possibly negative axis into a valid index.
   *
   * @param axis the axis; {@code -1} is the last
   * @param rank the number of axes
   * @return the axis in {@code [0, rank)}
   * @throws IllegalArgumentException if the axis is out of range
   */
  public static int axis(int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
    }
    return a;
  }
}
