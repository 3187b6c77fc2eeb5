package dev.tensile.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a callback sees, Keras's {@code logs} dict: names in sorted order ({@code accuracy},
 * {@code loss}, {@code val_accuracy}, {@code val_loss}) and one value each.
 *
 * <p>During training the model updates one instance in place after every batch, so passing logs
 * to callbacks allocates nothing; a callback that keeps values must copy them ({@link #asMap()}).
 */
public final class Logs {
  private final List<String> names;
  private final double[] values;

  /**
   * Makes logs with the given keys, all values 0.
   *
   * @param keys the names; stored sorted
   * @throws IllegalArgumentException if the list is null
   */
  public Logs(List<String> keys) {
    Checks.notNull("keys", keys);
    List<String> sorted = new ArrayList<>(keys);
    Collections.sort(sorted);
    this.names = List.copyOf(sorted);
    this.values = new double[sorted.size()];
  }

  /**
   * Makes logs holding a copy of a map's entries.
   *
   * @param entries the names and values
   * @throws IllegalArgumentException if the map is null
   * @return new logs, keys sorted
   */
  public static Logs of(Map<String, Double> entries) {
    Checks.notNull("entries", entries);
    Logs logs = new Logs(new ArrayList<>(entries.keySet()));
    for (Map.Entry<String, Double> e : entries.entrySet()) {
      logs.set(e.getKey(), e.getValue());
    }
    return logs;
  }

  /**
   * Returns the names, sorted.
   *
   * @return an unmodifiable list
   */
  public List<String> names() {
    return names;
  }

  /**
   * Returns the live values, in {@link #names()} order (no copy).
   *
   * @return the values array
   */
  public double[] values() {
    return values;
  }

  /**
   * Tells whether a name is present.
   *
   * @param name for example {@code val_loss}
   * @return true if the logs hold it
   */
  public boolean has(String name) {
    return names.contains(name);
  }

  /**
   * Returns a value.
   *
   * @param name for example {@code val_loss}
   * @return its value
   * @throws IllegalArgumentException if absent, listing the names present
   */
  public double get(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "no '" + name + "' in the logs; available: " + String.join(", ", names));
    }
    return values[i];
  }

  /**
   * Sets a value.
   *
   * @param name a name these logs hold
   * @param value the new value
   * @throws IllegalArgumentException if the name is absent
   */
  public void set(String name, double value) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "no '" + name + "' in the logs; available: " + String.join(", ", names));
    }
    values[i] = value;
  }

  /**
   * Copies the logs into an ordered map.
   *
   * @return a new map, keys sorted
   */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), values[i]);
    }
    return m;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
