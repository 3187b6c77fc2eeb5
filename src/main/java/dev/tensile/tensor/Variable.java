package dev.tensile.tensor;

/**
 * A weight: its value, the gradient of the loss with respect to it, its shape, and whether the
 * optimizer trains it (a batch normalization's moving statistics are weights it does not train).
 *
 * <p>Both arrays are allocated once when the owning layer is built and reused for every step. The
 * layer writes {@link #gradient()} in its backward pass; the optimizer reads it and updates {@link
 * #value()} in place.
 */
public final class Variable {
  private final String name;
  private final int[] shape;
  private final float[] value;
  private final float[] gradient;
  private final boolean trainable;

  /**
   * Makes a trainable variable of zeros.
   *
   * @param name the path-like name, e.g. {@code dense/kernel}
   * @param shape the extent of each axis
   */
  public Variable(String name, int... shape) {
    this(name, true, shape);
  }

  /**
   * Makes a variable of zeros, trainable or not.
   *
   * @param name the path-like name, e.g. {@code batch_normalization/moving_mean}
   * @param trainable false for a weight the optimizer must leave alone
   * @param shape the extent of each axis
   */
  public Variable(String name, boolean trainable, int... shape) {
    this.trainable = trainable;
    this.name = name;
    this.shape = shape.clone();
    int size = checkedSize(name, this.shape);
    this.value = new float[size];
    this.gradient = new float[size];
  }

  /** The most elements one variable can hold: a Java array's limit. */
  public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  /** Elements still allowed on this thread during {@link #withElementLimit}; -1 for no limit. */
  private static final ThreadLocal<long[]> ALLOWANCE = new ThreadLocal<>();

  /**
   * Runs work during which the variables made on this thread may hold at most {@code maxElements}
   * elements in all, the guard a file loader sets so that a file's claims (a layer with 50 million
   * units) fail before anything is allocated rather than exhausting memory.
   *
   * @param <T> the work's result
   * @param maxElements the total allowance
   * @param work the work, e.g. building a model read from a file
   * @return the work's result
   * @throws IllegalArgumentException from the work, if a variable would exceed the allowance
   */
  public static <T> T withElementLimit(long maxElements, java.util.function.Supplier<T> work) {
    long[] previous = ALLOWANCE.get();
    ALLOWANCE.set(new long[] {maxElements});
    try {
      return work.get();
    } finally {
      if (previous == null) {
        ALLOWANCE.remove();
      } else {
        ALLOWANCE.set(previous);
      }
    }
  }

  private static int checkedSize(String name, int[] shape) {
    long size = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "weight '" + name + "' cannot have a negative extent: " + Shapes.format(shape));
      }
      size = d == 0 ? 0 : (size > MAX_ELEMENTS / d ? MAX_ELEMENTS + 1L : size * d);
    }
    if (size > MAX_ELEMENTS) {
      throw new IllegalArgumentException(
          "weight '" + name + "' of shape " + Shapes.format(shape) + " would have more than "
              + MAX_ELEMENTS + " elements, more than a Java array holds");
    }
    long[] allowance = ALLOWANCE.get();
    if (allowance != null) {
      if (size > allowance[0]) {
        throw new IllegalArgumentException(
            "weight '" + name + "' of shape " + Shapes.format(shape) + " needs " + size
                + " elements, more than the " + allowance[0] + " left of this load's allowance");
      }
      allowance[0] -= size;
    }
    return (int) size;
  }

  /**
   * Returns the name.
   *
   * @return for example {@code dense/kernel}
   */
  public String name() {
    return name;
  }

  /**
   * Tells whether the optimizer updates this variable, Keras's {@code variable.trainable}.
   *
   * @return false for statistics such as a moving mean
   */
  public boolean trainable() {
    return trainable;
  }

  /**
   * Returns the shape.
   *
   * @return a copy of the extents
   */
  public int[] shape() {
    return shape.clone();
  }

  /**
   * Returns the number of elements.
   *
   * @return the product of the shape
   */
  public int size() {
    return value.length;
  }

  /**
   * Returns the live value array (no copy).
   *
   * @return the weights, row-major; writes change the variable
   */
  public float[] value() {
    return value;
  }

  /**
   * Returns the live gradient array (no copy), valid after a backward pass.
   *
   * @return the gradient, same layout as {@link #value()}
   */
  public float[] gradient() {
    return gradient;
  }

  /**
   * Copies the value out as a tensor.
   *
   * @return a new tensor with this variable's shape
   */
  public Tensor toTensor() {
    return Tensor.of(value, shape);
  }

  /**
   * Replaces the value with a copy of a tensor's data.
   *
   * @param t a tensor of exactly this variable's shape
   * @throws IllegalArgumentException if the shapes differ
   */
  public void assign(Tensor t) {
    if (!java.util.Arrays.equals(t.shape(), shape)) {
      throw new IllegalArgumentException(
          "weight '" + name + "' has shape " + Shapes.format(shape) + ", got "
              + t.shapeString());
    }
    System.arraycopy(t.data(), 0, value, 0, value.length);
  }

  @Override
  public String toString() {
    return name + Shapes.format(shape);
  }
}
