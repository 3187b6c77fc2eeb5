package dev.tensile.initializers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.utils.RandomSeed;
import dev.tensile.utils.Rng;
import java.util.Locale;

/**
 * Keras's variance-scaling family: samples whose variance is {@code scale / n}, where {@code n} is
 * {@code fan_in}, {@code fan_out} or their mean.
 *
 * <ul>
 *   <li>uniform: {@code U(-limit, limit)}, {@code limit = sqrt(3 scale / n)}; {@code
 *       glorot_uniform} (scale 1, fan_avg) gives {@code sqrt(6 / (fan_in + fan_out))}.
 *   <li>truncated normal: {@code N(0, stddev)} redrawn beyond two standard deviations, {@code
 *       stddev = sqrt(scale / n) / 0.87962566103423978}.
 *   <li>untruncated normal: {@code stddev = sqrt(scale / n)}.
 * </ul>
 *
 * <p>Fans: a rank-2 shape (in, out) gives (in, out); rank 1 gives (n, n); rank 0 (1, 1); higher
 * ranks multiply the receptive field, as in Keras's {@code compute_fans}.
 */
public final class VarianceScaling implements Initializer {
  /** Which fan divides the scale. */
  public enum Mode {
    /** The number of inputs. */
    FAN_IN,
    /** The number of outputs. */
    FAN_OUT,
    /** The mean of inputs and outputs. */
    FAN_AVG
  }

  /** Which distribution the samples follow. */
  public enum Distribution {
    /** Uniform on (-limit, limit). */
    UNIFORM,
    /** Normal, redrawn beyond two standard deviations. */
    TRUNCATED_NORMAL,
    /** Plain normal. */
    UNTRUNCATED_NORMAL
  }

  private static final double TRUNCATION_CORRECTION = 0.87962566103423978;

  private final double scale;
  private final Mode mode;
  private final Distribution distribution;
  private final long seed;
  private final String name;
  private long calls;

  /**
   * Makes a variance-scaling initializer.
   *
   * @param scale the variance numerator; positive
   * @param mode which fan divides it
   * @param distribution the distribution of the samples
   * @param seed the seed, or null to draw one from the global seed sequence now
   * @param name the Keras name this configuration is known by
   */
  public VarianceScaling(
      double scale, Mode mode, Distribution distribution, Long seed, String name) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
    }
    this.scale = scale;
    this.mode = mode;
    this.distribution = distribution;
    this.seed = seed != null ? seed : RandomSeed.next();
    this.name = name;
  }

  /**
   * Returns the variance numerator.
   *
   * @return {@code scale}
   */
  public double scale() {
    return scale;
  }

  /**
   * Returns which fan divides the scale.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  /**
   * Returns the distribution of the samples.
   *
   * @return the distribution
   */
  public Distribution distribution() {
    return distribution;
  }

  /**
   * Returns the seed this initializer samples with.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  @Override
  public void initialize(float[] values, int[] shape) {
    double n = fan(shape);
    double variance = scale / Math.max(1.0, n);
    // Each call uses a fresh stream derived from the seed, so two weights sharing one
    // initializer get different values, and the same model rebuilt gets the same ones.
    Rng rng = new Rng(seed + 0x9E3779B97F4A7C15L * calls++);
    switch (distribution) {
      case UNIFORM:
        double limit = Math.sqrt(3.0 * variance);
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
        }
        break;
      case TRUNCATED_NORMAL:
        double sd = Math.sqrt(variance) / TRUNCATION_CORRECTION;
        for (int i = 0; i < values.length; i++) {
          double g;
          do {
            g = gaussian(rng);
          } while (Math.abs(g) > 2.0);
          values[i] = (float) (g * sd);
        }
        break;
      default:
        double s = Math.sqrt(variance);
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (gaussian(rng) * s);
        }
    }
  }

  private double fan(int[] shape) {
    double fanIn;
    double fanOut;
    if (shape.length == 0) {
      fanIn = 1;
      fanOut = 1;
    } else if (shape.length == 1) {
      fanIn = shape[0];
      fanOut = shape[0];
    } else {
      double receptive = 1;
      for (int i = 0; i < shape.length - 2; i++) {
        receptive *= shape[i];
      }
      fanIn = shape[shape.length - 2] * receptive;
      fanOut = shape[shape.length - 1] * receptive;
    }
    switch (mode) {
      case FAN_IN:
        return fanIn;
      case FAN_OUT:
        return fanOut;
      default:
        return (fanIn + fanOut) / 2.0;
    }
  }

  /** Box-Muller: one standard normal sample from two uniforms. */
  private static double gaussian(Rng rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Describes the initializer: by its Keras class ({@code GlorotUniform}, {@code HeNormal}, ...)
   * with its {@code seed} if it is one of Keras's named variants, else as {@code VarianceScaling}
   * with {@code scale}, {@code mode}, {@code distribution} and {@code seed}. Keras's seeds are
   * 32-bit unsigned integers; a seed outside that range (as those drawn from Tensile's global
   * sequence usually are) is written as null.
   *
   * @return the description
   */
  @Override
  public ObjectConfig getConfig() {
    String preset = Initializers.presetClass(this);
    if (preset != null) {
      return ObjectConfig.builder(Initializers.MODULE, preset).put("seed", kerasSeed()).build();
    }
    return ObjectConfig.builder(Initializers.MODULE, "VarianceScaling")
        .put("scale", scale)
        .put("mode", mode.name().toLowerCase(Locale.ROOT))
        .put("distribution", distribution.name().toLowerCase(Locale.ROOT))
        .put("seed", kerasSeed())
        .build();
  }

  /** Keras seeds are 32-bit unsigned; a seed drawn from Tensile's 64-bit sequence is written as
   * null (the weights themselves are saved, so nothing is lost but the seed). */
  private Long kerasSeed() {
    return seed >= 0 && seed <= 0xFFFFFFFFL ? seed : null;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s(scale=%s, mode=%s, distribution=%s, seed=%d)",
        name, scale, mode.name().toLowerCase(Locale.ROOT),
        distribution.name().toLowerCase(Locale.ROOT), seed);
  }
}
