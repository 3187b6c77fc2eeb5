package dev.tensile.layers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.initializers.Constant;
import dev.tensile.tensor.Buffers;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Batch normalization over the last axis (channels-last), Keras's {@code BatchNormalization()}:
 * {@code y = gamma * (x - mean) / sqrt(var + epsilon) + beta}, per channel.
 *
 * <p>During {@code fit} the mean and (biased) variance are the batch's, over every axis but the
 * last, and the moving statistics follow them: {@code moving = moving * momentum + batch * (1 -
 * momentum)}. In evaluate and predict the moving statistics are used. Weights in Keras's order:
 * {@code gamma} (if {@code scale}), {@code beta} (if {@code center}), then the non-trainable
 * {@code moving_mean} and {@code moving_variance}, which {@code summary()} counts as
 * non-trainable params and optimizers leave alone. Defaults as Keras: momentum 0.99, epsilon
 * 0.001, center and scale on; gamma starts at 1, beta at 0, the moving mean at 0 and the moving
 * variance at 1.
 */
public final class BatchNormalization extends Layer {
  private double momentum = 0.99;
  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;

  private Variable gamma;
  private Variable beta;
  private Variable movingMean;
  private Variable movingVariance;
  private int channels;

  private boolean trainingPass;
  private float[] mean;
  private float[] invStd;
  private float[] xhat;
  private float[] y;
  private float[] dx;
  private final float[][] sums = new float[2][];

  /** Makes the layer with Keras's defaults. */
  public BatchNormalization() {}

  /**
   * Sets the momentum of the moving statistics (default 0.99).
   *
   * @param value in [0, 1]
   * @return this layer
   */
  public BatchNormalization momentum(double value) {
    Unbuilt.check(this);
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1], got " + value);
    }
    momentum = value;
    return this;
  }

  /**
   * Sets the small number added to the variance (default 0.001).
   *
   * @param value positive
   * @return this layer
   */
  public BatchNormalization epsilon(double value) {
    Unbuilt.check(this);
    if (!(value > 0)) {
      throw new IllegalArgumentException("epsilon must be positive, got " + value);
    }
    epsilon = value;
    return this;
  }

  /**
   * Sets whether the layer adds the learned offset {@code beta} (default true).
   *
   * @param enabled false for no beta
   * @return this layer
   */
  public BatchNormalization center(boolean enabled) {
    Unbuilt.check(this);
    center = enabled;
    return this;
  }

  /**
   * Sets whether the layer multiplies by the learned scale {@code gamma} (default true).
   *
   * @param enabled false for no gamma
   * @return this layer
   */
  public BatchNormalization scale(boolean enabled) {
    Unbuilt.check(this);
    scale = enabled;
    return this;
  }

  /**
   * Describes the layer with Keras's {@code BatchNormalization.get_config()} keys: the last axis,
   * {@code momentum}, {@code epsilon}, {@code center}, {@code scale}, Keras's default initializers
   * and no regularizers, constraints, synchronisation or renormalisation.
   *
   * @return the description
   */
  @Override
  public ObjectConfig getConfig() {
    return configBuilder()
        .put("axis", -1)
        .put("momentum", momentum())
        .put("epsilon", epsilon())
        .put("center", center())
        .put("scale", scale())
        .put("beta_initializer", Constant.zeros().getConfig())
        .put("gamma_initializer", Constant.ones().getConfig())
        .put("moving_mean_initializer", Constant.zeros().getConfig())
        .put("moving_variance_initializer", Constant.ones().getConfig())
        .put("beta_regularizer", null)
        .put("gamma_regularizer", null)
        .put("beta_constraint", null)
        .put("gamma_constraint", null)
        .put("synchronized", false)
        .put("renorm", false)
        .put("renorm_clipping", null)
        .put("renorm_momentum", 0.99)
        .build();
  }

  /**
   * Rebuilds a layer from Keras's description.
   *
   * @param config the description
   * @param resolver unused: the initializers must be Keras's defaults
   * @return a new layer
   * @throws dev.tensile.config.ConfigException for another axis, other initializers, or an
   *     option Tensile lacks
   */
  public static BatchNormalization fromConfig(ObjectConfig config, Resolver resolver) {
    config.requireDefault("axis", -1);
    for (String unsupported : java.util.List.of("beta_regularizer", "gamma_regularizer",
        "beta_constraint", "gamma_constraint", "renorm_clipping")) {
      config.requireDefault(unsupported, null);
    }
    config.requireDefault("synchronized", false);
    config.requireDefault("renorm", false);
    String[][] initializers = {{"beta_initializer", "Zeros"}, {"gamma_initializer", "Ones"},
        {"moving_mean_initializer", "Zeros"}, {"moving_variance_initializer", "Ones"}};
    for (String[] init : initializers) {
      ObjectConfig given = config.getObjectOrNull(init[0]);
      if (given != null && !given.className().equals(init[1])) {
        throw config.problem("config." + init[0] + " is " + given.className()
            + "; Tensile supports Keras's default " + init[1] + " only");
      }
    }
    BatchNormalization bn = new BatchNormalization()
        .momentum(config.getDouble("momentum", 0.99))
        .epsilon(config.getDouble("epsilon", 1e-3))
        .center(config.getBoolean("center", true))
        .scale(config.getBoolean("scale", true));
    return withCommonConfig(bn, config);
  }

  @Override
  public BatchNormalization name(String newName) {
    super.name(newName);
    return this;
  }

  /**
   * Returns the momentum.
   *
   * @return the moving statistics' momentum
   */
  public double momentum() {
    return momentum;
  }

  /**
   * Returns epsilon.
   *
   * @return the number added to the variance
   */
  public double epsilon() {
    return epsilon;
  }

  /**
   * Tells whether beta is used.
   *
   * @return the {@code center} setting
   */
  public boolean center() {
    return center;
  }

  /**
   * Tells whether gamma is used.
   *
   * @return the {@code scale} setting
   */
  public boolean scale() {
    return scale;
  }

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    channels = sampleShape[sampleShape.length - 1];
    if (channels <= 0) {
      throw new IllegalArgumentException(
          "BatchNormalization needs a positive last axis, got input "
              + Shapes.formatBatch(sampleShape));
    }
    if (scale) {
      gamma = new Variable(name() + "/gamma", channels);
      Arrays.fill(gamma.value(), 1f);
    }
    if (center) {
      beta = new Variable(name() + "/beta", channels);
    }
    movingMean = new Variable(name() + "/moving_mean", false, channels);
    movingVariance = new Variable(name() + "/moving_variance", false, channels);
    Arrays.fill(movingVariance.value(), 1f);
    mean = new float[channels];
    invStd = new float[channels];
    sums[0] = new float[channels];
    sums[1] = new float[channels];
    return sampleShape;
  }

  @Override
  public List<Variable> weights() {
    if (movingMean == null) {
      return List.of();
    }
    List<Variable> out = new ArrayList<>(4);
    if (scale) {
      out.add(gamma);
    }
    if (center) {
      out.add(beta);
    }
    out.add(movingMean);
    out.add(movingVariance);
    return out;
  }

  @Override
  protected float[] forward(float[] x, int batch, boolean training) {
    int c = channels;
    int rows = batch * (inputSize() / c);
    trainingPass = training;
    if (training) {
      batchStatistics(x, rows);
    } else {
      float[] mm = movingMean.value();
      float[] mv = movingVariance.value();
      for (int k = 0; k < c; k++) {
        mean[k] = mm[k];
        invStd[k] = (float) (1.0 / Math.sqrt(mv[k] + epsilon));
      }
    }
    int n = rows * c;
    xhat = Buffers.ensure(xhat, n);
    y = Buffers.ensure(y, n);
    float[] g = scale ? gamma.value() : null;
    float[] b = center ? beta.value() : null;
    for (int r = 0, base = 0; r < rows; r++, base += c) {
      for (int k = 0; k < c; k++) {
        float h = (x[base + k] - mean[k]) * invStd[k];
        xhat[base + k] = h;
        y[base + k] = (g == null ? h : h * g[k]) + (b == null ? 0f : b[k]);
      }
    }
    return y;
  }

  /** Computes the batch's mean and inverse deviation and moves the moving statistics. */
  private void batchStatistics(float[] x, int rows) {
    int c = channels;
    float[] mm = movingMean.value();
    float[] mv = movingVariance.value();
    float[] total = sums[0];
    float[] squares = sums[1];
    // A centred second pass keeps the variance accurate for inputs far from 0.
    Arrays.fill(total, 0, c, 0f);
    for (int r = 0, base = 0; r < rows; r++, base += c) {
      for (int k = 0; k < c; k++) {
        total[k] += x[base + k];
      }
    }
    for (int k = 0; k < c; k++) {
      mean[k] = total[k] / rows;
    }
    Arrays.fill(squares, 0, c, 0f);
    for (int r = 0, base = 0; r < rows; r++, base += c) {
      for (int k = 0; k < c; k++) {
        float d = x[base + k] - mean[k];
        squares[k] += d * d;
      }
    }
    float keep = (float) momentum;
    float take = (float) (1 - momentum);
    for (int k = 0; k < c; k++) {
      float variance = squares[k] / rows;
      invStd[k] = (float) (1.0 / Math.sqrt(variance + epsilon));
      mm[k] = mm[k] * keep + mean[k] * take;
      mv[k] = mv[k] * keep + variance * take;
    }
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    int c = channels;
    int rows = batch * (inputSize() / c);
    float[] dBeta = sums[0];
    float[] dGamma = sums[1];
    Arrays.fill(dBeta, 0, c, 0f);
    Arrays.fill(dGamma, 0, c, 0f);
    for (int r = 0, base = 0; r < rows; r++, base += c) {
      for (int k = 0; k < c; k++) {
        float g = gradOutput[base + k];
        dBeta[k] += g;
        dGamma[k] += g * xhat[base + k];
      }
    }
    if (scale) {
      System.arraycopy(dGamma, 0, gamma.gradient(), 0, c);
    }
    if (center) {
      System.arraycopy(dBeta, 0, beta.gradient(), 0, c);
    }
    if (!computeInputGradient()) {
      return null;
    }
    int n = rows * c;
    dx = Buffers.ensure(dx, n);
    float[] gv = scale ? gamma.value() : null;
    float inv = 1f / rows;
    for (int r = 0, base = 0; r < rows; r++, base += c) {
      for (int k = 0; k < c; k++) {
        float factor = (gv == null ? 1f : gv[k]) * invStd[k];
        float g = gradOutput[base + k];
        dx[base + k] = trainingPass
            ? factor * (g - dBeta[k] * inv - xhat[base + k] * dGamma[k] * inv)
            : factor * g;
      }
    }
    return dx;
  }
}
