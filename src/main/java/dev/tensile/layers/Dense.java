package dev.tensile.layers;

import dev.tensile.activations.ActivationFunction;
import dev.tensile.activations.Activations;
import dev.tensile.engine.Engines;
import dev.tensile.initializers.Constant;
import dev.tensile.initializers.Initializer;
import dev.tensile.initializers.Initializers;
import dev.tensile.tensor.Buffers;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Variable;
import java.util.List;

/**
 * A fully connected layer: {@code Y = f(X W + b)}.
 *
 * <p>Shapes, for a batch of {@code n} samples: {@code X} is {@code (n, in)}, the kernel {@code W}
 * is {@code (in, units)} (Keras's layout, so no transpose), the bias {@code b} is {@code (units,)}
 * and {@code Y} is {@code (n, units)}. Like Keras, it acts on the last axis: a sample of shape
 * {@code (28, 28)} gives {@code (28, units)}.
 *
 * <p>Backward: {@code dZ = f'(Z) * dY}, {@code dW = X^T dZ}, {@code db = sum over rows of dZ},
 * {@code dX = dZ W^T}.
 *
 * <p>Defaults as Keras: no activation (linear), a bias, kernel {@code glorot_uniform}, bias {@code
 * zeros}. Options are set fluently before the layer is built: {@code new Dense(100,
 * "relu").useBias(false)}.
 */
public final class Dense extends Layer implements LogitsLayer {
  private final int units;
  private final ActivationFunction activation;
  private boolean useBias = true;
  private Initializer kernelInitializer;
  private Initializer biasInitializer = Constant.zeros();

  private Variable kernel;
  private Variable bias;
  private int in;
  private int rowsPerSample;

  private float[] input;
  private float[] z;
  private float[] y;
  private float[] dz;
  private float[] dx;

  /**
   * Makes a layer with a named activation, as {@code Dense(10, activation="softmax")}.
   *
   * @param units the number of outputs; positive
   * @param activation the activation's Keras name ({@code relu}, {@code softmax}, ...), or null
   *     for linear
   * @throws IllegalArgumentException if units is not positive or the name is unknown
   */
  public Dense(int units, String activation) {
    this(units, Activations.get(activation));
  }

  /**
   * Makes a layer with an activation, as {@code Dense(10, activation=keras.activations.softmax)}.
   *
   * @param units the number of outputs; positive
   * @param activation the activation, e.g. {@link Activations#RELU}
   * @throws IllegalArgumentException if units is not positive
   */
  public Dense(int units, ActivationFunction activation) {
    if (units <= 0) {
      throw new IllegalArgumentException("Dense units must be a positive integer, got " + units);
    }
    this.units = units;
    this.activation = activation == null ? Activations.LINEAR : activation;
    // Made now, as Keras does, so the seed it draws follows the order layers are created in.
    this.kernelInitializer = Initializers.glorotUniform(null);
  }

  /**
   * Makes a linear layer, as {@code Dense(units)}.
   *
   * @param units the number of outputs; positive
   */
  public Dense(int units) {
    this(units, Activations.LINEAR);
  }

  /**
   * Sets whether the layer adds a bias (default true).
   *
   * @param enabled false for {@code Y = f(X W)}
   * @return this layer
   */
  public Dense useBias(boolean enabled) {
    requireUnbuilt();
    this.useBias = enabled;
    return this;
  }

  /**
   * Sets the kernel initializer (default {@code glorot_uniform}).
   *
   * @param initializer the initializer
   * @return this layer
   * @throws IllegalArgumentException if the argument is null
   */
  public Dense kernelInitializer(Initializer initializer) {
    requireArgument(initializer, "kernelInitializer");
    requireUnbuilt();
    this.kernelInitializer = initializer;
    return this;
  }

  /**
   * Sets the kernel initializer by Keras name.
   *
   * @param name e.g. {@code he_normal}
   * @return this layer
   * @throws IllegalArgumentException if the argument is null
   */
  public Dense kernelInitializer(String name) {
    requireArgument(name, "kernelInitializer");
    return kernelInitializer(Initializers.get(name));
  }

  /**
   * Sets the bias initializer (default {@code zeros}).
   *
   * @param initializer the initializer
   * @return this layer
   * @throws IllegalArgumentException if the argument is null
   */
  public Dense biasInitializer(Initializer initializer) {
    requireArgument(initializer, "biasInitializer");
    requireUnbuilt();
    this.biasInitializer = initializer;
    return this;
  }

  /**
   * Sets the bias initializer by Keras name.
   *
   * @param name e.g. {@code zeros}
   * @return this layer
   * @throws IllegalArgumentException if the argument is null
   */
  public Dense biasInitializer(String name) {
    requireArgument(name, "biasInitializer");
    return biasInitializer(Initializers.get(name));
  }

  @Override
  public Dense name(String newName) {
    super.name(newName);
    return this;
  }

  /**
   * Returns the number of outputs.
   *
   * @return units
   */
  public int units() {
    return units;
  }

  /**
   * Tells whether the layer adds a bias.
   *
   * @return the {@code use_bias} setting
   */
  public boolean useBias() {
    return useBias;
  }

  /**
   * Returns the kernel initializer.
   *
   * @return the initializer
   */
  public Initializer kernelInitializer() {
    return kernelInitializer;
  }

  /**
   * Returns the bias initializer.
   *
   * @return the initializer
   */
  public Initializer biasInitializer() {
    return biasInitializer;
  }

  @Override
  public ActivationFunction activation() {
    return activation;
  }

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    in = sampleShape[sampleShape.length - 1];
    if (in <= 0) {
      throw new IllegalArgumentException(
          "Dense needs a positive last axis, got input " + Shapes.formatBatch(sampleShape));
    }
    rowsPerSample = (int) (Shapes.size(sampleShape) / in);
    kernel = new Variable(name() + "/kernel", in, units);
    kernelInitializer.initialize(kernel.value(), kernel.shape());
    if (useBias) {
      bias = new Variable(name() + "/bias", units);
      biasInitializer.initialize(bias.value(), bias.shape());
    }
    int[] out = sampleShape.clone();
    out[out.length - 1] = units;
    return out;
  }

  @Override
  public List<Variable> weights() {
    if (kernel == null) {
      return List.of();
    }
    return useBias ? List.of(kernel, bias) : List.of(kernel);
  }

  @Override
  protected float[] forward(float[] x, int batch, boolean training) {
    int rows = batch * rowsPerSample;
    int n = rows * units;
    z = Buffers.ensure(z, n);
    input = x;
    // Z = X W + b
    Engines.current().mult(x, kernel.value(), z, rows, in, units);
    if (useBias) {
      Engines.current().elementwise().addToRows(z, bias.value(), rows, units);
    }
    if (activation == Activations.LINEAR) {
      y = z;
      return z;
    }
    y = Buffers.ensure(y, n);
    activation.forward(z, y, rows, units);
    return y;
  }

  @Override
  public float[] logits() {
    return z;
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    int rows = batch * rowsPerSample;
    dz = Buffers.ensure(dz, rows * units);
    // dZ = f'(Z) * dY
    activation.backward(y, gradOutput, dz, rows, units);
    return backwardFromLogits(dz, batch);
  }

  @Override
  public float[] backwardFromLogits(float[] gradLogits, int batch) {
    int rows = batch * rowsPerSample;
    // dW = X^T dZ
    Engines.current().multTransA(input, gradLogits, kernel.gradient(), in, rows, units);
    if (useBias) {
      // db = column sums of dZ
      Engines.current().elementwise().columnSums(gradLogits, bias.gradient(), rows, units);
    }
    if (!computeInputGradient()) {
      return null;
    }
    // dX = dZ W^T
    dx = Buffers.ensure(dx, rows * in);
    Engines.current().multTransB(gradLogits, kernel.value(), dx, rows, units, in);
    return dx;
  }

  private void requireUnbuilt() {
    if (isBuilt()) {
      throw new IllegalStateException("layer '" + name() + "' is already built; set options first");
    }
  }

  private static void requireArgument(Object value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
  }
}
