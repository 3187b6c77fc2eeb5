package dev.tensile.layers;

import dev.tensile.activations.ActivationFunction;
import dev.tensile.activations.Activations;
import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.engine.Elementwise;
import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.engine.MatrixEngine.RangeTask;
import dev.tensile.initializers.Constant;
import dev.tensile.initializers.Initializer;
import dev.tensile.initializers.Initializers;
import dev.tensile.tensor.Buffers;
import dev.tensile.tensor.Variable;
import java.util.List;

/**
 * A 2-D convolution over channels-last images, Keras's {@code Conv2D}: inputs {@code (None, h, w,
 * c)}, kernel {@code (kh, kw, c, filters)} exactly as Keras stores it, bias {@code (filters,)},
 * outputs {@code (None, oh, ow, filters)}.
 *
 * <p>Keras's rules: with padding {@code valid} an output axis has {@code floor((in - k_eff) /
 * stride) + 1} positions, with {@code same} {@code ceil(in / stride)}, where {@code k_eff = (k - 1)
 * * dilation + 1}; {@code same} pads the smaller half of an odd total before and the larger after.
 * Strides above 1 cannot be combined with a dilation above 1, as in Keras.
 *
 * <p>Computed as one matrix product per batch over the gathered windows ("im2col"). A 3 x 3
 * kernel of stride and dilation 1 over at least 8 channels is computed by Winograd's {@code F(4 x
 * 4, 3 x 3)} or {@code F(2 x 2, 3 x 3)} instead (up to 4 and 2.25 times fewer multiply-adds), and
 * one over a single channel by direct kernels; the results are the same up to rounding. Buffers
 * grow with the batch once and are reused.
 *
 * <p>Defaults as Keras: strides 1, padding {@code valid}, dilation 1, no activation, a bias,
 * kernel {@code glorot_uniform}, bias {@code zeros}: {@code new Conv2D(32, 3,
 * "relu").padding("same")} is {@code Conv2D(32, kernel_size=3, activation='relu',
 * padding='same')}.
 */
public final class Conv2D extends Layer {
  private final int filters;
  private final int[] kernelSize;
  private final ActivationFunction activation;
  private int[] strides = {1, 1};
  private int[] dilationRate = {1, 1};
  private boolean same;
  private boolean useBias = true;
  private Initializer kernelInitializer;
  private Initializer biasInitializer = Constant.zeros();

  private Variable kernel;
  private Variable bias;
  /** Output positions per image. */
  private int positions;
  private ConvolutionAlgorithm algorithm;
  private boolean winogradAllowed = true;
  private boolean directAllowed = true;
  /**
   * Whether the {@link MaxPooling2D} after this relu layer applies relu's derivative to its
   * gradient, so that the gradient backward receives here has it already.
   */
  private boolean reluDerivativeInNext;

  private float[] z;
  private float[] y;
  private float[] dz;
  /** The gradient backward was given, while its relu task runs. */
  private float[] outputGradient;
  private float[] dx;
  /** Per image of the batch: its part of the bias gradient, {@code (batch, filters)}. */
  private float[] imageBiasSums;
  /** The gradient before the activation, while {@link #imageBiasGradients} reads it. */
  private float[] biasSource;

  /**
   * Makes a layer with a square kernel and a named activation, as {@code Conv2D(32, kernel_size=3,
   * activation='relu')}.
   *
   * @param filters the number of output channels; positive
   * @param kernelSize the kernel's height and width; positive
   * @param activation the activation's Keras name, or null for linear
   */
  public Conv2D(int filters, int kernelSize, String activation) {
    this(filters, new int[] {kernelSize, kernelSize}, Activations.get(activation));
  }

  /**
   * Makes a layer with a kernel of {@code (height, width)} and a named activation, as {@code
   * Conv2D(64, kernel_size=(3, 3), activation='relu')}.
   *
   * @param filters the number of output channels; positive
   * @param kernelSize the kernel's height and width; positive
   * @param activation the activation's Keras name, or null for linear
   */
  public Conv2D(int filters, int[] kernelSize, String activation) {
    this(filters, kernelSize, Activations.get(activation));
  }

  /**
   * Makes a linear layer with a square kernel, as {@code Conv2D(filters, kernel_size)}.
   *
   * @param filters the number of output channels; positive
   * @param kernelSize the kernel's height and width; positive
   */
  public Conv2D(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize, kernelSize}, Activations.LINEAR);
  }

  /**
   * Makes a layer with an activation function.
   *
   * @param filters the number of output channels; positive
   * @param kernelSize the kernel's height and width; positive
   * @param activation the activation, e.g. {@link Activations#RELU}; null for linear
   * @throws IllegalArgumentException if filters or a kernel extent is not positive
   */
  public Conv2D(int filters, int[] kernelSize, ActivationFunction activation) {
    if (filters <= 0) {
      throw new IllegalArgumentException("Conv2D filters must be positive, got " + filters);
    }
    this.filters = filters;
    this.kernelSize = Window.positivePair("Conv2D kernel_size", kernelSize);
    this.activation = activation == null ? Activations.LINEAR : activation;
    // Made now, as Keras does, so the seed it draws follows the order layers are created in.
    this.kernelInitializer = Initializers.glorotUniform(null);
  }

  /**
   * Sets the same stride along both axes (default 1).
   *
   * @param stride a positive step
   * @return this layer
   */
  public Conv2D strides(int stride) {
    return strides(stride, stride);
  }

  /**
   * Sets the strides along height and width (default 1, 1).
   *
   * @param height the vertical step; positive
   * @param width the horizontal step; positive
   * @return this layer
   */
  public Conv2D strides(int height, int width) {
    Unbuilt.check(this);
    int[] s = Window.positivePair("Conv2D strides", new int[] {height, width});
    requireStridesOrDilation(s, dilationRate);
    strides = s;
    return this;
  }

  /**
   * Sets the same dilation along both axes (default 1).
   *
   * @param rate a positive spacing between kernel taps
   * @return this layer
   */
  public Conv2D dilationRate(int rate) {
    return dilationRate(rate, rate);
  }

  /**
   * Sets the dilation along height and width (default 1, 1).
   *
   * @param height the vertical spacing of kernel taps; positive
   * @param width the horizontal spacing; positive
   * @return this layer
   */
  public Conv2D dilationRate(int height, int width) {
    Unbuilt.check(this);
    int[] d = Window.positivePair("Conv2D dilation_rate", new int[] {height, width});
    requireStridesOrDilation(strides, d);
    dilationRate = d;
    return this;
  }

  /**
   * Sets the padding (default {@code valid}).
   *
   * @param padding {@code valid} (no padding) or {@code same} (output size {@code ceil(in /
   *     stride)})
   * @return this layer
   */
  public Conv2D padding(String padding) {
    Unbuilt.check(this);
    same = Window.parsePadding(padding);
    return this;
  }

  /**
   * Sets whether the layer adds a bias (default true).
   *
   * @param enabled false for no bias
   * @return this layer
   */
  public Conv2D useBias(boolean enabled) {
    Unbuilt.check(this);
    useBias = enabled;
    return this;
  }

  /**
   * Sets the kernel initializer (default {@code glorot_uniform}).
   *
   * @param initializer the initializer
   * @return this layer
   */
  public Conv2D kernelInitializer(Initializer initializer) {
    Unbuilt.check(this);
    kernelInitializer = initializer;
    return this;
  }

  /**
   * Sets the kernel initializer by Keras name.
   *
   * @param name e.g. {@code he_normal}
   * @return this layer
   */
  public Conv2D kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  /**
   * Sets the bias initializer (default {@code zeros}).
   *
   * @param initializer the initializer
   * @return this layer
   */
  public Conv2D biasInitializer(Initializer initializer) {
    Unbuilt.check(this);
    biasInitializer = initializer;
    return this;
  }

  /**
   * Sets the bias initializer by Keras name.
   *
   * @param name e.g. {@code zeros}
   * @return this layer
   */
  public Conv2D biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  /**
   * Lets tests compute a layer that Winograd's algorithm would take by im2col instead.
   *
   * @param allowed false for im2col whatever the geometry
   * @return this layer
   */
  Conv2D winogradAllowed(boolean allowed) {
    Unbuilt.check(this);
    winogradAllowed = allowed;
    return this;
  }

  /** Returns the outputs along a Winograd tile's side, or 0 for another algorithm. */
  int winogradTileSize() {
    return algorithm instanceof WinogradConvolution w ? w.tiling().size() : 0;
  }

  /**
   * Lets the layer compute a single-channel 3 x 3 convolution directly where it can, or makes it
   * use im2col (to compare the two); before the layer is built.
   *
   * @param allowed whether the direct kernels may be used
   * @return this layer
   */
  Conv2D directAllowed(boolean allowed) {
    Unbuilt.check(this);
    directAllowed = allowed;
    return this;
  }

  /** Tells whether the built layer computes by the direct single-channel kernels. */
  boolean usesDirect() {
    return algorithm instanceof DirectConvolution;
  }

  @Override
  public Conv2D name(String newName) {
    super.name(newName);
    return this;
  }

  /**
   * Returns the number of output channels.
   *
   * @return filters
   */
  public int filters() {
    return filters;
  }

  /**
   * Returns the kernel's height and width.
   *
   * @return a copy of {@code kernel_size}
   */
  public int[] kernelSize() {
    return kernelSize.clone();
  }

  /**
   * Returns the strides along height and width.
   *
   * @return a copy of {@code strides}
   */
  public int[] strides() {
    return strides.clone();
  }

  /**
   * Returns the dilation along height and width.
   *
   * @return a copy of {@code dilation_rate}
   */
  public int[] dilationRate() {
    return dilationRate.clone();
  }

  /**
   * Returns the padding.
   *
   * @return {@code valid} or {@code same}
   */
  public String padding() {
    return same ? "same" : "valid";
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
   * Returns the activation.
   *
   * @return the activation function
   */
  public ActivationFunction activation() {
    return activation;
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

  /**
   * Describes the layer with Keras's {@code Conv2D.get_config()} keys: {@code filters}, {@code
   * kernel_size}, {@code strides}, {@code padding}, {@code dilation_rate}, {@code activation},
   * {@code use_bias}, the initializers, channels-last, one group, no regularizers or constraints.
   *
   * @return the description
   */
  @Override
  public ObjectConfig getConfig() {
    return configBuilder()
        .put("filters", filters())
        .put("kernel_size", kernelSize())
        .put("strides", strides())
        .put("padding", padding())
        .put("data_format", "channels_last")
        .put("dilation_rate", dilationRate())
        .put("groups", 1)
        .put("activation", activation().name())
        .put("use_bias", useBias())
        .put("kernel_initializer", kernelInitializer().getConfig())
        .put("bias_initializer", biasInitializer().getConfig())
        .put("kernel_regularizer", null)
        .put("bias_regularizer", null)
        .put("activity_regularizer", null)
        .put("kernel_constraint", null)
        .put("bias_constraint", null)
        .build();
  }

  /**
   * Rebuilds a layer from Keras's description; omitted keys take Keras's defaults.
   *
   * @param config the description
   * @param resolver resolves the activation and initializers
   * @return a new, unbuilt layer
   * @throws dev.tensile.config.ConfigException if a value is missing or invalid, or an option
   *     Tensile lacks is set (groups, channels-first, regularizers, constraints)
   */
  public static Conv2D fromConfig(ObjectConfig config, Resolver resolver) {
    for (String unsupported : List.of("kernel_regularizer", "bias_regularizer",
        "activity_regularizer", "kernel_constraint", "bias_constraint", "lora_rank")) {
      config.requireDefault(unsupported, null);
    }
    config.requireDefault("groups", 1);
    config.requireDefault("data_format", "channels_last");
    Conv2D conv = new Conv2D((int) config.getLong("filters", 1, MAX_DESCRIBED_SIZE),
        ConfigValues.sizes(config, "kernel_size", 2, null),
        resolver.resolve(ActivationFunction.class, config.getString("activation", "linear")));
    int[] strides = ConfigValues.sizes(config, "strides", 2, new int[] {1, 1});
    int[] dilation = ConfigValues.sizes(config, "dilation_rate", 2, new int[] {1, 1});
    conv.strides(strides[0], strides[1])
        .dilationRate(dilation[0], dilation[1])
        .padding(config.getString("padding", "valid"))
        .useBias(config.getBoolean("use_bias", true));
    if (config.has("kernel_initializer")) {
      conv.kernelInitializer(
          resolver.resolve(Initializer.class, Dense.initializer(config, "kernel_initializer")));
    }
    if (config.has("bias_initializer")) {
      conv.biasInitializer(
          resolver.resolve(Initializer.class, Dense.initializer(config, "bias_initializer")));
    }
    return withCommonConfig(conv, config);
  }

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    Window.requireImages(this, sampleShape);
    int channels = sampleShape[2];
    Window rows = Window.of(name(), "height", sampleShape[0], kernelSize[0], strides[0],
        dilationRate[0], same);
    Window cols = Window.of(name(), "width", sampleShape[1], kernelSize[1], strides[1],
        dilationRate[1], same);
    positions = rows.out * cols.out;
    algorithm = chooseAlgorithm(rows, cols, channels);
    kernel = new Variable(name() + "/kernel", kernelSize[0], kernelSize[1], channels, filters);
    kernelInitializer.initialize(kernel.value(), kernel.shape());
    if (useBias) {
      bias = new Variable(name() + "/bias", filters);
      biasInitializer.initialize(bias.value(), bias.shape());
    }
    return new int[] {rows.out, cols.out, filters};
  }

  /** Winograd's algorithm or the direct kernels where the geometry allows them, else im2col. */
  private ConvolutionAlgorithm chooseAlgorithm(Window rows, Window cols, int channels) {
    Im2colConvolution im2col = new Im2colConvolution(new Patches(rows, cols, channels), filters);
    ConvolutionAlgorithm chosen = winogradAllowed
        ? WinogradConvolution.forGeometry(rows, cols, channels, filters) : null;
    if (chosen == null && directAllowed) {
      chosen = DirectConvolution.forGeometry(rows, cols, channels, filters, im2col);
    }
    return chosen == null ? im2col : chosen;
  }

  @Override
  public List<Variable> weights() {
    if (kernel == null) {
      return List.of();
    }
    return useBias ? List.of(kernel, bias) : List.of(kernel);
  }

  /**
   * Leaves relu's derivative to a {@link MaxPooling2D} right after this layer: only the inputs
   * that won a window get a gradient, and such an input was relu's output there, the window's
   * maximum, so the pooled output being positive is the derivative it needs. The pool applies it
   * to its own, smaller gradient, which saves a pass over this layer's outputs.
   */
  @Override
  void linkNext(Layer next) {
    reluDerivativeInNext = activation == Activations.RELU && next instanceof MaxPooling2D;
    if (next instanceof MaxPooling2D pool) {
      pool.appliesReluDerivative(reluDerivativeInNext);
    }
  }

  @Override
  protected float[] forward(float[] x, int batch, boolean training) {
    MatrixEngine engine = Engines.current();
    int rows = batch * positions;
    z = Buffers.ensure(z, rows * filters);
    if (useBias && activation == Activations.RELU) {
      // The bias and relu in place, by the algorithm: backward needs relu's output only.
      algorithm.forward(x, kernel.value(), batch, z, bias.value());
      y = z;
      return y;
    }
    algorithm.forward(x, kernel.value(), batch, z, null);
    if (useBias) {
      engine.elementwise().addToRows(z, bias.value(), rows, filters);
    }
    if (activation == Activations.LINEAR) {
      y = z;
      return z;
    }
    y = Buffers.ensure(y, rows * filters);
    activation.forward(z, y, rows, filters);
    return y;
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    MatrixEngine engine = Engines.current();
    int rows = batch * positions;
    float[] g = gradOutput;
    if (useBias) {
      imageBiasSums = Buffers.ensure(imageBiasSums, batch * filters);
    }
    if (activation == Activations.RELU && !reluDerivativeInNext) {
      dz = Buffers.ensure(dz, rows * filters);
      outputGradient = gradOutput;
      engine.forEachRange(batch, reluGradient);
      outputGradient = null;
      g = dz;
    } else {
      if (activation != Activations.LINEAR && activation != Activations.RELU) {
        dz = Buffers.ensure(dz, rows * filters);
        activation.backward(y, gradOutput, dz, rows, filters);
        g = dz;
      }
      if (useBias) {
        biasSource = g;
        engine.forEachRange(batch, imageBiasGradients);
        biasSource = null;
      }
    }
    if (useBias) {
      ImageParts.sumInOrder(imageBiasSums, batch, filters, bias.gradient());
    }
    float[] inputGradient = null;
    if (computeInputGradient()) {
      dx = Buffers.ensure(dx, batch * inputSize());
      inputGradient = dx;
    }
    algorithm.backward(g, batch, kernel.value(), kernel.gradient(), inputGradient);
    return inputGradient;
  }

  /** Relu's derivative for the outputs of a range of images ({@link #backward}). */
  private final RangeTask reluGradient = this::reluGradientImages;

  /** The bias gradient's part from each image of a range ({@link #backward}, no relu). */
  private final RangeTask imageBiasGradients = this::imageBiasGradients;

  private void reluGradientImages(int from, int to) {
    int perImage = positions * filters;
    Elementwise ops = Engines.current().elementwise();
    ops.reluBackwardRange(y, outputGradient, dz, from * perImage, to * perImage);
    if (useBias) {
      // While the images' gradients are still in this core's cache.
      columnSumsOfImages(dz, from, to);
    }
  }

  private void imageBiasGradients(int from, int to) {
    columnSumsOfImages(biasSource, from, to);
  }

  private void columnSumsOfImages(float[] g, int from, int to) {
    Elementwise ops = Engines.current().elementwise();
    for (int n = from; n < to; n++) {
      ops.columnSums(g, n * positions * filters, positions, filters, imageBiasSums, n * filters);
    }
  }

  private static void requireStridesOrDilation(int[] strides, int[] dilation) {
    boolean strided = strides[0] > 1 || strides[1] > 1;
    boolean dilated = dilation[0] > 1 || dilation[1] > 1;
    if (strided && dilated) {
      throw new IllegalArgumentException(
          "Conv2D strides > 1 cannot be combined with dilation_rate > 1, as in Keras; got strides "
              + java.util.Arrays.toString(strides) + " and dilation_rate "
              + java.util.Arrays.toString(dilation));
    }
  }
}
