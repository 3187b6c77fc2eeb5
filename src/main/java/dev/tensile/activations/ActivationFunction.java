package dev.tensile.activations;

/**
 * An element-wise (or row-wise, for softmax) activation {@code y = f(z)} on a {@code rows x width}
 * row-major block.
 *
 * <p>Both methods may run in place: {@code out} may be {@code z}, and {@code gradIn} may be {@code
 * gradOut}. The derivative is computed from the output {@code y} alone.
 */
public interface ActivationFunction {

  /**
   * Computes {@code y = f(z)}.
   *
   * @param z the pre-activations; not modified unless {@code out == z}
   * @param out the outputs; modified
   * @param rows the number of rows
   * @param width the number of values per row (softmax normalises each row)
   */
  void forward(float[] z, float[] out, int rows, int width);

  /**
   * Computes {@code dL/dz} from {@code y = f(z)} and {@code dL/dy}.
   *
   * @param y the outputs of {@link #forward}; not modified
   * @param gradOut {@code dL/dy}; not modified unless {@code gradIn == gradOut}
   * @param gradIn {@code dL/dz}; modified
   * @param rows the number of rows
   * @param width the number of values per row
   */
  void backward(float[] y, float[] gradOut, float[] gradIn, int rows, int width);

  /**
   * Returns the Keras name.
   *
   * @return for example {@code "relu"}
   */
  String name();
}
