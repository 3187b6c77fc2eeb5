package dev.tensile.layers;

import java.util.HashMap;
import java.util.Map;

/**
 * Keras's automatic names: one process-wide counter per prefix, so the first Dense is {@code
 * dense}, the next {@code dense_1}, then {@code dense_2}, across all models. {@link #reset()} is
 * Keras's {@code clear_session()} for names.
 */
public final class Names {
  private static final Map<String, Integer> COUNTERS = new HashMap<>();

  private Names() {}

  /**
   * Returns the next free name for a prefix.
   *
   * @param prefix the snake_case class name, e.g. {@code dense}
   * @return {@code prefix} the first time, then {@code prefix_1}, {@code prefix_2}, ...
   */
  public static synchronized String next(String prefix) {
    int n = COUNTERS.merge(prefix, 1, Integer::sum) - 1;
    return n == 0 ? prefix : prefix + "_" + n;
  }

  /** Forgets every counter, so names start again from {@code dense}. */
  public static synchronized void reset() {
    COUNTERS.clear();
  }

  /**
   * Converts a class name to Keras's snake_case prefix: {@code Dense} to {@code dense}, {@code
   * InputLayer} to {@code input_layer}.
   *
   * @param className the simple class name
   * @return the prefix
   */
  public static String snakeCase(String className) {
    // Keras's to_snake_case: "MaxPooling2D" -> "max_pooling2d", "Conv2D" -> "conv2d".
    String name = className.replaceAll("\\W+", "");
    name = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
