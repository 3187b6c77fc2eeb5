package dev.tensile.layers;

import dev.tensile.config.ObjectConfig;
import java.math.BigDecimal;
import java.util.List;

/** Reading Keras's list-valued layer options, such as {@code kernel_size: [3, 3]}. */
final class ConfigValues {
  private ConfigValues() {}

  /**
   * Reads whole numbers from 1 to {@link Layer#MAX_DESCRIBED_SIZE}, given as a list or (as Keras
   * also accepts) one number for every axis.
   *
   * @param config the description
   * @param key the key
   * @param count how many numbers
   * @param fallback the value if the key is absent or null; null if it is required
   * @return the numbers
   * @throws dev.tensile.config.ConfigException if they are missing or not such numbers
   */
  static int[] sizes(ObjectConfig config, String key, int count, int[] fallback) {
    Object raw = config.values().get(key);
    if (raw == null) {
      if (fallback == null) {
        throw config.problem("config." + key + " is missing");
      }
      return fallback.clone();
    }
    List<?> list = raw instanceof List ? (List<?>) raw : java.util.Collections.nCopies(count, raw);
    if (list.size() != count) {
      throw config.problem("config." + key + " must hold " + count + " whole numbers, got " + raw);
    }
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      Object v = list.get(i);
      BigDecimal n = v instanceof Number ? new BigDecimal(v.toString()) : null;
      if (n == null || n.stripTrailingZeros().scale() > 0 || n.signum() <= 0
          || n.compareTo(BigDecimal.valueOf(Layer.MAX_DESCRIBED_SIZE)) > 0) {
        throw config.problem("config." + key + " must hold whole numbers from 1 to "
            + Layer.MAX_DESCRIBED_SIZE + ", got " + raw);
      }
      out[i] = n.intValue();
    }
    return out;
  }
}
