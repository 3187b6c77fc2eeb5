package dev.tensile.models;

import dev.tensile.utils.Formats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss and metrics of an evaluation by name, Keras's {@code evaluate(..., return_dict=True)}:
 * {@code result.loss()}, {@code result.metric("accuracy")}. {@link Sequential#evaluate} returns
 * the same numbers as Keras's plain list.
 */
public final class EvaluationResult {
  private final Map<String, Double> values;

  EvaluationResult(List<String> metricNames, double[] lossThenMetrics) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("loss", lossThenMetrics[0]);
    for (int i = 0; i < metricNames.size(); i++) {
      m.put(metricNames.get(i), lossThenMetrics[i + 1]);
    }
    values = Collections.unmodifiableMap(m);
  }

  /**
   * Returns the mean loss.
   *
   * @return the loss
   */
  public double loss() {
    return values.get("loss");
  }

  /**
   * Returns a metric by the name it was compiled with.
   *
   * @param name for example {@code accuracy}
   * @return its value
   * @throws IllegalArgumentException if the model was not compiled with that metric
   */
  public double metric(String name) {
    if (name == null || "loss".equals(name) || !values.containsKey(name)) {
      throw new IllegalArgumentException(
          "no metric '" + name + "' in this evaluation; it has "
              + List.copyOf(values.keySet()).subList(1, values.size()));
    }
    return values.get(name);
  }

  /**
   * Returns every value by name, {@code loss} first, then the metrics in compile order.
   *
   * @return an unmodifiable map
   */
  public Map<String, Double> asMap() {
    return values;
  }

  /**
   * Returns the values as Keras's list: the loss, then each metric in compile order.
   *
   * @return a new array
   */
  public double[] toArray() {
    return values.values().stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("{");
    for (Map.Entry<String, Double> e : values.entrySet()) {
      if (s.length() > 1) {
        s.append(", ");
      }
      s.append(e.getKey()).append(": ").append(Formats.fixed(e.getValue(), 4));
    }
    return s.append('}').toString();
  }
}
