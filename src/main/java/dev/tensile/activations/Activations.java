package dev.tensile.activations;

import java.util.Locale;

/** The activation functions by Keras name: {@code linear}, {@code relu}, {@code sigmoid}, ... */
public final class Activations {
  /** {@code f(z) = z}, Keras's {@code "linear"} and its {@code activation=None}. */
  public static final ActivationFunction LINEAR = new Linear();

  /** {@code f(z) = max(z, 0)}, Keras's {@code "relu"}. */
  public static final ActivationFunction RELU = new Relu();

  /** {@code f(z) = 1 / (1 + exp(-z))}, Keras's {@code "sigmoid"}. */
  public static final ActivationFunction SIGMOID = new Sigmoid();

  /** {@code f(z) = tanh(z)}, Keras's {@code "tanh"}. */
  public static final ActivationFunction TANH = new Tanh();

  /** Row-wise {@code exp(z) / sum(exp(z))}, max-shifted, Keras's {@code "softmax"}. */
  public static final ActivationFunction SOFTMAX = new Softmax();

  private static final ActivationFunction[] ALL = {LINEAR, RELU, SIGMOID, TANH, SOFTMAX};

  private Activations() {}

  /**
   * Resolves an activation by its Keras name, case-insensitively; null means linear.
   *
   * @param name {@code linear}, {@code relu}, {@code sigmoid}, {@code tanh} or {@code softmax}
   * @return the activation
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static ActivationFunction get(String name) {
    if (name == null) {
      return LINEAR;
    }
    String key = name.toLowerCase(Locale.ROOT);
    for (ActivationFunction f : ALL) {
      if (f.name().equals(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '" + name + "': expected one of linear, relu, sigmoid, tanh, softmax");
  }
}
