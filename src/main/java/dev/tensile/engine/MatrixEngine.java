package dev.tensile.engine;

/**
 * Dense float32 matrix products on row-major arrays, writing into a given output.
 *
 * <p>Every array holds a matrix in row-major order starting at index 0; an array may be longer
 * than the matrix (buffers grow and are reused), and only the leading {@code rows * cols} elements
 * are read or written. The output is overwritten, never accumulated into, and must not be the same
 * array as either input ({@link IllegalArgumentException} otherwise).
 *
 * <p>With Keras's kernel layout (inputs x units) a Dense layer's forward pass is {@code mult(x, W)},
 * its backward pass {@code multTransA(x, dY)} for the kernel gradient and {@code multTransB(dY, W)}
 * for the input gradient. Implementations must be thread-safe and deterministic: the same inputs
 * give the same bits whatever the number of threads.
 */
public interface MatrixEngine {

  /**
   * {@code C = A B}: {@code c[i][j] = sum_p a[i][p] * b[p][j]}.
   *
   * @param a the m x k left matrix; not modified
   * @param b the k x n right matrix; not modified
   * @param c the m x n output; modified
   * @param m rows of A and C
   * @param k columns of A, rows of B
   * @param n columns of B and C
   */
  void mult(float[] a, float[] b, float[] c, int m, int k, int n);

  /**
   * {@code C = A^T B}: {@code c[i][j] = sum_p a[p][i] * b[p][j]}.
   *
   * @param a the k x m matrix whose transpose is the left factor; not modified
   * @param b the k x n right matrix; not modified
   * @param c the m x n output; modified
   * @param m columns of A, rows of C
   * @param k rows of A and B
   * @param n columns of B and C
   */
  void multTransA(float[] a, float[] b, float[] c, int m, int k, int n);

  /**
   * {@code C = A B^T}: {@code c[i][j] = sum_p a[i][p] * b[j][p]}.
   *
   * @param a the m x k left matrix; not modified
   * @param b the n x k matrix whose transpose is the right factor; not modified
   * @param c the m x n output; modified
   * @param m rows of A and C
   * @param k columns of A and B
   * @param n rows of B, columns of C
   */
  void multTransB(float[] a, float[] b, float[] c, int m, int k, int n);

  /**
   * Names the engine, for logs and benchmark tables.
   *
   * @return a short name such as {@code "ejml"} or {@code "vector"}
   */
  String name();

  /**
   * Returns the element-wise kernels that go with this engine's products: the portable loops
   * unless the engine has faster ones (the Vector API engine does), so forcing an engine forces
   * its kernels too.
   *
   * @return the kernels; thread-safe and stateless
   */
  default Elementwise elementwise() {
    return ScalarElementwise.INSTANCE;
  }

  /**
   * Returns the pooling kernels that go with this engine: the portable loops unless the engine
   * has faster ones (the Vector API engine does).
   *
   * @return the kernels; thread-safe and stateless
   */
  default Pooling pooling() {
    return ScalarPooling.INSTANCE;
  }

  /**
   * Returns the engine's direct kernels for 3 x 3 convolutions over one input channel.
   *
   * @return the portable loops by default
   */
  default SingleChannelConvolution singleChannelConvolution() {
    return ScalarSingleChannelConvolution.INSTANCE;
  }

  /**
   * Returns the engine's Winograd convolution transforms.
   *
   * @return the portable loops by default
   */
  default Winograd winograd() {
    return ScalarWinograd.INSTANCE;
  }

  /**
   * Returns the engine's {@code F(4 x 4, 3 x 3)} Winograd convolution transforms.
   *
   * @return the portable loops by default
   */
  default WinogradF4 winogradF4() {
    return ScalarWinogradF4.INSTANCE;
  }

  /**
   * Runs {@code task} over the items {@code [0, count)}, cut into contiguous ranges that may run
   * on several threads at once (the images of a batch through a convolution or pooling pass).
   * The task must write disjoint outputs for disjoint ranges and compute each item the same way
   * whatever range it falls in, so the result does not depend on the number of threads. Returns
   * when every range is done; an exception from a range is rethrown here.
   *
   * <p>This default runs the whole range on the caller's thread; the Vector API engine shares it
   * with its threads.
   *
   * @param count the number of items, at least 0
   * @param task what to do with a range of items
   */
  default void forEachRange(int count, RangeTask task) {
    if (count > 0) {
      task.run(0, count);
    }
  }

  /** Work on a range of independent items, for {@link #forEachRange(int, RangeTask)}. */
  @FunctionalInterface
  interface RangeTask {
    /**
     * Processes the items {@code [from, to)}.
     *
     * @param from the first item
     * @param to one past the last item
     */
    void run(int from, int to);
  }
}
