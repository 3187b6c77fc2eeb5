package dev.tensile.tensor;

import java.util.Arrays;

/**
 * A float32 n-dimensional array: one contiguous row-major {@code float[]} and a shape.
 *
 * <p>The first axis is the sample axis: a batch of 60,000 images of 28x28 pixels has shape {@code
 * (60000, 28, 28)}; its labels have shape {@code (60000,)}. Element {@code (i, j, k)} of that
 * tensor lives at {@code data[(i * 28 + j) * 28 + k]}.
 *
 * <p>Tensors are values for users: the arithmetic methods ({@link #div(float)} and friends) return
 * new tensors and leave this one as it was. {@link #reshape(int...)} shares the data. {@link
 * #data()} exposes the backing array for code that needs speed; writing to it changes the tensor.
 */
public final class Tensor {
  private final float[] data;
  private final int[] shape;

  private Tensor(float[] data, int[] shape) {
    this.data = data;
    this.shape = shape;
  }

  /**
   * Makes a tensor from a copy of {@code data} with the given shape.
   *
   * @param data the elements in row-major order; not modified
   * @param shape the extent of each axis; their product must equal {@code data.length}
   * @return a new tensor owning a copy of the data
   * @throws IllegalArgumentException if the shape is negative or does not match the data length
   */
  public static Tensor of(float[] data, int... shape) {
    return wrap(data.clone(), shape);
  }

  /**
   * Makes a tensor that uses {@code data} itself (no copy) as its storage.
   *
   * @param data the elements in row-major order; later writes to it show in the tensor
   * @param shape the extent of each axis; their product must equal {@code data.length}
   * @return a tensor backed by {@code data}
   * @throws IllegalArgumentException if the shape is negative or does not match the data length
   */
  public static Tensor wrap(float[] data, int... shape) {
    int[] s = shape.clone();
    long size = Shapes.size(s);
    if (size != data.length) {
      throw new IllegalArgumentException(
          "shape "
              + Shapes.format(s)
              + " holds "
              + size
              + " elements but the data has "
              + data.length);
    }
    return new Tensor(data, s);
  }

  /**
   * Makes a 2-D tensor of shape {@code (rows.length, rows[0].length)} from a copy of {@code rows}.
   *
   * @param rows one array per sample, all of the same length; not modified
   * @return a new tensor
   * @throws IllegalArgumentException if the rows are ragged or there are none
   */
  public static Tensor of(float[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("expected at least one row, got none");
    }
    int width = rows[0].length;
    float[] out = new float[Math.multiplyExact(rows.length, width)];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != width) {
        throw new IllegalArgumentException(
            "ragged rows: row 0 has " + width + " values but row " + i + " has " + rows[i].length);
      }
      System.arraycopy(rows[i], 0, out, i * width, width);
    }
    return new Tensor(out, new int[] {rows.length, width});
  }

  /**
   * Makes a 1-D tensor of class labels, shape {@code (labels.length,)}, as sparse categorical
   * losses and metrics expect.
   *
   * @param labels the class index of each sample; not modified
   * @return a new tensor holding the labels as floats
   */
  public static Tensor ofLabels(int[] labels) {
    float[] out = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i];
    }
    return new Tensor(out, new int[] {labels.length});
  }

  /**
   * Makes a tensor of zeros.
   *
   * @param shape the extent of each axis
   * @return a new tensor filled with 0
   */
  public static Tensor zeros(int... shape) {
    long size = Shapes.size(shape);
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("shape " + Shapes.format(shape) + " is too large");
    }
    return new Tensor(new float[(int) size], shape.clone());
  }

  /**
   * Returns the shape.
   *
   * @return a copy of the extent of each axis
   */
  public int[] shape() {
    return shape.clone();
  }

  /**
   * Returns the extent of one axis.
   *
   * @param axis the axis, counted from 0; negative values count from the end ({@code -1} is last)
   * @return the extent of that axis
   */
  public int dim(int axis) {
    return shape[Shapes.axis(axis, shape.length)];
  }

  /**
   * Returns the number of axes.
   *
   * @return the rank: 1 for labels, 2 for a batch of vectors, 3 for a batch of images
   */
  public int rank() {
    return shape.length;
  }

  /**
   * Returns the number of elements.
   *
   * @return the product of the shape
   */
  public int size() {
    return data.length;
  }

  /**
   * Returns the number of samples, the extent of the first axis.
   *
   * @return {@code shape()[0]}, or 1 for a scalar
   */
  public int samples() {
    return shape.length == 0 ? 1 : shape[0];
  }

  /**
   * Returns the number of elements in one sample: the product of every axis but the first.
   *
   * @return the sample size
   */
  public int sampleSize() {
    return shape.length == 0 ? 1 : (shape[0] == 0 ? (int) Shapes.size(shape, 1) : size() / shape[0]);
  }

  /**
   * Returns the backing array itself (no copy). Writing to it changes this tensor.
   *
   * @return the row-major elements
   */
  public float[] data() {
    return data;
  }

  /**
   * Returns one element.
   *
   * @param index one index per axis
   * @return the element at that index
   * @throws IndexOutOfBoundsException if the index does not fit the shape
   */
  public float get(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "expected " + shape.length + " indices for shape " + Shapes.format(shape)
              + ", got " + index.length);
    }
    int flat = 0;
    for (int a = 0; a < shape.length; a++) {
      if (index[a] < 0 || index[a] >= shape[a]) {
        throw new IndexOutOfBoundsException(
            "index " + Arrays.toString(index) + " is outside shape " + Shapes.format(shape));
      }
      flat = flat * shape[a] + index[a];
    }
    return data[flat];
  }

  /**
   * Returns a tensor with the same data and a new shape. One axis may be {@code -1}, meaning
   * whatever the others leave: {@code x.reshape(-1, 784)} turns {@code (60000, 28, 28)} into {@code
   * (60000, 784)}.
   *
   * @param newShape the new extents; their product must equal {@link #size()}
   * @return a tensor sharing this tensor's data
   * @throws IllegalArgumentException if the sizes disagree or more than one axis is {@code -1}
   */
  public Tensor reshape(int... newShape) {
    return new Tensor(data, Shapes.infer(newShape, data.length, shape));
  }

  /**
   * Divides every element by a number, as in {@code x.div(255)} to scale pixels to [0, 1].
   *
   * @param divisor the number to divide by
   * @return a new tensor
   */
  public Tensor div(float divisor) {
    float[] out = new float[data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = data[i] / divisor;
    }
    return new Tensor(out, shape.clone());
  }

  /**
   * Multiplies every element by a number.
   *
   * @param factor the number to multiply by
   * @return a new tensor
   */
  public Tensor mul(float factor) {
    float[] out = new float[data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = data[i] * factor;
    }
    return new Tensor(out, shape.clone());
  }

  /**
   * Adds a number to every element.
   *
   * @param term the number to add
   * @return a new tensor
   */
  public Tensor add(float term) {
    float[] out = new float[data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = data[i] + term;
    }
    return new Tensor(out, shape.clone());
  }

  /**
   * Subtracts a number from every element.
   *
   * @param term the number to subtract
   * @return a new tensor
   */
  public Tensor sub(float term) {
    return add(-term);
  }

  /**
   * Copies the samples {@code from} (inclusive) to {@code to} (exclusive) along the first axis.
   *
   * @param from the first sample
   * @param to one past the last sample
   * @return a new tensor of shape {@code (to - from, ...)}
   */
  public Tensor rows(int from, int to) {
    if (shape.length == 0 || from < 0 || to > shape[0] || from > to) {
      throw new IndexOutOfBoundsException(
          "rows [" + from + ", " + to + ") are outside shape " + Shapes.format(shape));
    }
    int width = sampleSize();
    int[] s = shape.clone();
    s[0] = to - from;
    return new Tensor(Arrays.copyOfRange(data, from * width, to * width), s);
  }

  /**
   * Gathers the given samples, in the given order, along the first axis.
   *
   * @param indices the samples to take; may repeat
   * @return a new tensor of shape {@code (indices.length, ...)}
   */
  public Tensor rows(int[] indices) {
    int width = sampleSize();
    int[] s = shape.clone();
    s[0] = indices.length;
    float[] out = new float[Math.multiplyExact(indices.length, width)];
    for (int i = 0; i < indices.length; i++) {
      int r = indices[i];
      if (r < 0 || r >= shape[0]) {
        throw new IndexOutOfBoundsException(
            "row " + r + " is outside shape " + Shapes.format(shape));
      }
      System.arraycopy(data, r * width, out, i * width, width);
    }
    return new Tensor(out, s);
  }

  /**
   * Returns the index of the largest value along the last axis of each row; ties go to the first.
   *
   * @return one index per row (per element of all axes but the last)
   */
  public int[] argmax() {
    int width = shape.length == 0 ? 1 : shape[shape.length - 1];
    int n = width == 0 ? 0 : data.length / width;
    int[] out = new int[n];
    for (int r = 0; r < n; r++) {
      int base = r * width;
      int best = 0;
      for (int j = 1; j < width; j++) {
        if (data[base + j] > data[base + best]) {
          best = j;
        }
      }
      out[r] = best;
    }
    return out;
  }

  /**
   * Copies the elements out.
   *
   * @return a new array of the row-major elements
   */
  public float[] toArray() {
    return data.clone();
  }

  /**
   * Copies a 2-D tensor out as one array per row.
   *
   * @return {@code shape()[0]} arrays of {@code shape()[1]} values
   * @throws IllegalStateException if the tensor is not 2-D
   */
  public float[][] toArray2D() {
    if (shape.length != 2) {
      throw new IllegalStateException("expected a 2-D tensor, got shape " + Shapes.format(shape));
    }
    float[][] out = new float[shape[0]][];
    for (int i = 0; i < shape[0]; i++) {
      out[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
    }
    return out;
  }

  /**
   * Copies the elements out as whole numbers, as for class labels.
   *
   * @return the elements rounded to the nearest int
   */
  public int[] toIntArray() {
    int[] out = new int[data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.round(data[i]);
    }
    return out;
  }

  /**
   * Returns the smallest element.
   *
   * @return the minimum, or NaN for an empty tensor
   */
  public float min() {
    float m = data.length == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
    for (float v : data) {
      m = Math.min(m, v);
    }
    return m;
  }

  /**
   * Returns the largest element.
   *
   * @return the maximum, or NaN for an empty tensor
   */
  public float max() {
    float m = data.length == 0 ? Float.NaN : Float.NEGATIVE_INFINITY;
    for (float v : data) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * Returns the mean of all elements, summed in double precision.
   *
   * @return the mean, or NaN for an empty tensor
   */
  public double mean() {
    double s = 0;
    for (float v : data) {
      s += v;
    }
    return s / data.length;
  }

  /**
   * Returns the shape as Python prints a tuple: {@code (60000, 28, 28)}, {@code (60000,)}.
   *
   * @return the shape text
   */
  public String shapeString() {
    return Shapes.format(shape);
  }

  /**
   * Describes the tensor by its shape.
   *
   * @return for example {@code Tensor(shape=(60000, 784))}
   */
  @Override
  public String toString() {
    return "Tensor(shape=" + Shapes.format(shape) + ")";
  }
}
