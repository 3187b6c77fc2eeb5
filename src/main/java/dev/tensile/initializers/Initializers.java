package dev.tensile.initializers;

import dev.tensile.config.ObjectConfig;
import dev.tensile.initializers.VarianceScaling.Distribution;
import dev.tensile.initializers.VarianceScaling.Mode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Keras's initializers by name and by description, each made fresh (and seeded) by the call. */
public final class Initializers {
  /** Keras's module of the initializer classes, as descriptions name it. */
  public static final String MODULE = "keras.initializers";

  /** Keras's named variance-scaling variants: snake_case name to class name. */
  private static final Map<String, String> PRESETS = new LinkedHashMap<>();

  static {
    PRESETS.put("glorot_uniform", "GlorotUniform");
    PRESETS.put("glorot_normal", "GlorotNormal");
    PRESETS.put("he_uniform", "HeUniform");
    PRESETS.put("he_normal", "HeNormal");
    PRESETS.put("lecun_uniform", "LecunUniform");
    PRESETS.put("lecun_normal", "LecunNormal");
  }

  private Initializers() {}

  /**
   * Keras's default kernel initializer: {@code U(-l, l)}, {@code l = sqrt(6 / (fan_in +
   * fan_out))}.
   *
   * @param seed the seed, or null to draw one from the global seed sequence
   * @return a new initializer
   */
  public static Initializer glorotUniform(Long seed) {
    return preset("glorot_uniform", seed);
  }

  /**
   * Resolves an initializer by its Keras name with a seed from the global sequence.
   *
   * @param name {@code glorot_uniform}, {@code glorot_normal}, {@code he_uniform}, {@code
   *     he_normal}, {@code lecun_uniform}, {@code lecun_normal}, {@code zeros} or {@code ones}
   * @return a new initializer
   * @throws IllegalArgumentException for an unknown or null name, listing the valid ones
   */
  public static Initializer get(String name) {
    String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (PRESETS.containsKey(key)) {
      return preset(key, null);
    }
    switch (key) {
      case "zeros":
        return Constant.zeros();
      case "ones":
        return Constant.ones();
      default:
        throw new IllegalArgumentException(
            "unknown initializer '" + name + "': expected one of " + String.join(", ", names()));
    }
  }

  /**
   * Returns the names {@link #get(String)} knows.
   *
   * @return the names, Keras's snake_case identifiers
   */
  public static List<String> names() {
    List<String> names = new java.util.ArrayList<>(PRESETS.keySet());
    names.add("zeros");
    names.add("ones");
    return names;
  }

  /**
   * Returns the Keras class names {@link #fromConfig(ObjectConfig)} knows.
   *
   * @return {@code GlorotUniform}, ..., {@code VarianceScaling}, {@code Zeros}, {@code Ones},
   *     {@code Constant}
   */
  public static List<String> classNames() {
    List<String> names = new java.util.ArrayList<>(PRESETS.values());
    names.addAll(List.of("VarianceScaling", "Zeros", "Ones", "Constant"));
    return names;
  }

  /**
   * Rebuilds an initializer from Keras's description; a null seed draws one from the global
   * sequence.
   *
   * @param config the description, of one of the {@link #classNames()}
   * @return a new initializer
   * @throws dev.tensile.config.ConfigException for an unknown class or a bad value
   */
  public static Initializer fromConfig(ObjectConfig config) {
    String cls = config.className();
    for (Map.Entry<String, String> e : PRESETS.entrySet()) {
      if (e.getValue().equals(cls)) {
        return preset(e.getKey(), config.getLongOrNull("seed"));
      }
    }
    switch (cls) {
      case "Zeros":
        return Constant.zeros();
      case "Ones":
        return Constant.ones();
      case "Constant":
        return new Constant(config.getDouble("value", 0.0));
      case "VarianceScaling":
        return new VarianceScaling(
            positive(config, "scale"),
            option(config, "mode", Mode.FAN_IN, Mode.class),
            option(config, "distribution", Distribution.TRUNCATED_NORMAL, Distribution.class),
            config.getLongOrNull("seed"),
            "variance_scaling");
      default:
        throw config.problem(
            "unknown initializer class '" + cls + "'; Tensile knows "
                + String.join(", ", classNames()));
    }
  }

  /** Returns the Keras class of a named variant, or null if the initializer is not one. */
  static String presetClass(VarianceScaling init) {
    String cls = PRESETS.get(init.name());
    if (cls == null) {
      return null;
    }
    VarianceScaling reference = preset(init.name(), 0L);
    boolean same =
        reference.scale() == init.scale()
            && reference.mode() == init.mode()
            && reference.distribution() == init.distribution();
    return same ? cls : null;
  }

  private static VarianceScaling preset(String name, Long seed) {
    switch (name) {
      case "glorot_uniform":
        return new VarianceScaling(1.0, Mode.FAN_AVG, Distribution.UNIFORM, seed, name);
      case "glorot_normal":
        return new VarianceScaling(1.0, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL, seed, name);
      case "he_uniform":
        return new VarianceScaling(2.0, Mode.FAN_IN, Distribution.UNIFORM, seed, name);
      case "he_normal":
        return new VarianceScaling(2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, seed, name);
      case "lecun_uniform":
        return new VarianceScaling(1.0, Mode.FAN_IN, Distribution.UNIFORM, seed, name);
      default:
        return new VarianceScaling(1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL, seed, name);
    }
  }

  private static double positive(ObjectConfig config, String key) {
    double v = config.getDouble(key, 1.0);
    if (!(v > 0)) {
      throw config.problem("config." + key + " must be positive, got " + v);
    }
    return v;
  }

  /** Reads an enum constant written in lower case, e.g. {@code fan_avg}; Keras's {@code normal}
   * means truncated normal. */
  private static <E extends Enum<E>> E option(
      ObjectConfig config, String key, E fallback, Class<E> type) {
    String value = config.getString(key, null);
    if (value == null) {
      return fallback;
    }
    if (type == Distribution.class && value.equals("normal")) {
      value = "truncated_normal";
    }
    List<String> known = new java.util.ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String n = e.name().toLowerCase(Locale.ROOT);
      if (n.equals(value)) {
        return e;
      }
      known.add(n);
    }
    throw config.problem("config." + key + " must be one of " + known + ", got '" + value + "'");
  }
}
