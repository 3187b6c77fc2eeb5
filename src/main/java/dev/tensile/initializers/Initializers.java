package dev.tensile.initializers;

import dev.tensile.initializers.VarianceScaling.Distribution;
import dev.tensile.initializers.VarianceScaling.Mode;
import java.util.Locale;

/** Keras's initializers by name, each made fresh (and seeded) by the call. */
public final class Initializers {
  private Initializers() {}

  /**
   * Keras's default kernel initializer: {@code U(-l, l)}, {@code l = sqrt(6 / (fan_in +
   * fan_out))}.
   *
   * @param seed the seed, or null to draw one from the global seed sequence
   * @return a new initializer
   */
  public static Initializer glorotUniform(Long seed) {
    return new VarianceScaling(1.0, Mode.FAN_AVG, Distribution.UNIFORM, seed, "glorot_uniform");
  }

  /**
   * Resolves an initializer by its Keras name with a seed from the global sequence.
   *
   * @param name {@code glorot_uniform}, {@code glorot_normal}, {@code he_uniform}, {@code
   *     he_normal}, {@code lecun_uniform}, {@code lecun_normal}, {@code zeros} or {@code ones}
   * @return a new initializer
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static Initializer get(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "glorot_uniform":
        return glorotUniform(null);
      case "glorot_normal":
        return new VarianceScaling(
            1.0, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL, null, "glorot_normal");
      case "he_uniform":
        return new VarianceScaling(2.0, Mode.FAN_IN, Distribution.UNIFORM, null, "he_uniform");
      case "he_normal":
        return new VarianceScaling(
            2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, null, "he_normal");
      case "lecun_uniform":
        return new VarianceScaling(1.0, Mode.FAN_IN, Distribution.UNIFORM, null, "lecun_uniform");
      case "lecun_normal":
        return new VarianceScaling(
            1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, null, "lecun_normal");
      case "zeros":
        return Constant.zeros();
      case "ones":
        return Constant.ones();
      default:
        throw new IllegalArgumentException(
            "unknown initializer '" + name + "': expected one of glorot_uniform, glorot_normal, "
                + "he_uniform, he_normal, lecun_uniform, lecun_normal, zeros, ones");
    }
  }
}
