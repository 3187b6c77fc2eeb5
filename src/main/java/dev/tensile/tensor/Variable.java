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
    int size = Math.toIntExact(Shapes.size(shape));
    this.value = new float[size];
    this.gradient = new float[size];
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
