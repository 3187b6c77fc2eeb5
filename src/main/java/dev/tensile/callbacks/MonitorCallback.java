package dev.tensile.callbacks;

import java.util.OptionalDouble;

/**
 * The base of callbacks that watch one logged quantity, Keras's {@code MonitorCallback}: it owns
 * the monitored key, the direction and the improvement test, so {@link EarlyStopping}, {@link
 * ModelCheckpoint} and {@link ReduceLROnPlateau} write only what they do about it.
 *
 * <p>Improvement, with {@code d = |minDelta|}: in mode {@code min}, {@code current + d <
 * reference}; in mode {@code max}, {@code current - d > reference}; both strict, and anything
 * improves on "no reference yet". Mode {@code auto} is resolved at the first epoch end: a {@code
 * val_} prefix is dropped, then {@code loss} means min and a compiled accuracy metric ({@code
 * accuracy}, {@code acc}, {@code *_accuracy}) means max; any other name is an error asking for an
 * explicit mode.
 *
 * @param <T> the subclass, so that fluent setters keep its type
 */
public abstract class MonitorCallback<T extends MonitorCallback<T>> implements Callback {
  /** Keras's default monitored key. */
  public static final String DEFAULT_MONITOR = "val_loss";

  private String monitor = DEFAULT_MONITOR;
  private String mode = "auto";
  private double minDelta;
  private int verbose;
  private Double best;
  private Boolean maximize;
  private boolean warned;
  private TrainingModel model;

  /**
   * Makes the base with Keras's defaults: monitor {@code val_loss}, mode {@code auto}.
   *
   * @param defaultMinDelta the subclass's default smallest improvement
   */
  protected MonitorCallback(double defaultMinDelta) {
    setMinDelta(defaultMinDelta);
  }

  /**
   * Returns this callback as its own type, for fluent setters.
   *
   * @return {@code this}
   */
  protected abstract T self();

  /**
   * Sets the key to watch (default {@code val_loss}).
   *
   * @param key a log key, e.g. {@code val_accuracy}
   * @return this callback
   * @throws IllegalArgumentException if the key is null or empty
   */
  public T monitor(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException(
          "monitor must be a log key such as val_loss, got " + (key == null ? "null" : "''"));
    }
    monitor = key;
    maximize = null;
    return self();
  }

  /**
   * Sets the direction (default {@code auto}).
   *
   * @param value {@code min}, {@code max} or {@code auto}
   * @return this callback
   * @throws IllegalArgumentException for any other value
   */
  public T mode(String value) {
    if (!"auto".equals(value) && !"min".equals(value) && !"max".equals(value)) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " mode must be auto, min or max, got " + value);
    }
    mode = value;
    maximize = null;
    return self();
  }

  /**
   * Sets the verbosity (default 0): above 0 the callback prints what it does, as Keras does.
   *
   * @param value at least 0
   * @return this callback
   * @throws IllegalArgumentException if negative
   */
  public T verbose(int value) {
    verbose = Checks.atLeastZero("verbose", value);
    return self();
  }

  /**
   * Returns the verbosity.
   *
   * @return 0 for silent
   */
  public int verbose() {
    return verbose;
  }

  /**
   * Returns the watched key.
   *
   * @return for example {@code val_loss}
   */
  public String monitor() {
    return monitor;
  }

  /**
   * Returns the mode as set.
   *
   * @return {@code auto}, {@code min} or {@code max}
   */
  public String mode() {
    return mode;
  }

  /**
   * Returns the best value seen so far.
   *
   * @return the value, or empty before any monitored epoch (or the initial threshold if set)
   */
  public OptionalDouble best() {
    return best == null ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  @Override
  public void setModel(TrainingModel value) {
    model = value;
  }

  /** Re-arms the missing-key warning; subclasses that override must call this. */
  @Override
  public void onTrainBegin(Logs logs) {
    warned = false;
  }

  /**
   * Returns the model being trained.
   *
   * @return the model given to {@link #setModel}
   * @throws IllegalStateException if there is none yet
   */
  protected final TrainingModel model() {
    if (model == null) {
      throw new IllegalStateException(
          getClass().getSimpleName() + " has no model; fit passes it through setModel");
    }
    return model;
  }

  /**
   * Sets the smallest change that counts as an improvement; its sign is ignored, as in Keras.
   *
   * @param value a finite number
   * @throws IllegalArgumentException if not finite
   */
  protected final void setMinDelta(double value) {
    minDelta = Math.abs(Checks.finite("minDelta", value));
  }

  /**
   * Returns {@code |minDelta|}.
   *
   * @return the smallest improvement
   */
  protected final double minDelta() {
    return minDelta;
  }

  /**
   * Replaces the best value.
   *
   * @param value the new best, or null for none
   */
  protected final void setBest(Double value) {
    best = value;
  }

  /**
   * Returns the best value as stored.
   *
   * @return the best, or null for none
   */
  protected final Double bestOrNull() {
    return best;
  }

  /**
   * Tells whether a value improves on a reference, resolving mode {@code auto} on first use.
   *
   * @param current the new value
   * @param reference the value to beat, or null (then anything improves)
   * @return true if {@code current} is better by more than {@code |minDelta|}
   * @throws IllegalStateException if mode {@code auto} cannot tell the direction
   */
  protected final boolean isImprovement(double current, Double reference) {
    boolean up = maximizes();
    if (reference == null) {
      return true;
    }
    return up ? current - minDelta > reference : current + minDelta < reference;
  }

  /**
   * Tells whether higher values are better, resolving mode {@code auto} on first use; callbacks
   * call it at each epoch end, so an unknown key fails at the first one, as in Keras.
   *
   * @return true for mode max
   * @throws IllegalStateException if mode {@code auto} cannot tell the direction
   */
  protected final boolean maximizes() {
    if (maximize == null) {
      maximize = resolveMaximize();
    }
    return maximize;
  }

  /**
   * Reads the watched value, warning once per training run on standard error when it is absent.
   *
   * @param logs the epoch's logs
   * @param purpose what the value decides, for the warning, e.g. {@code "Early stopping"}
   * @return the value, or null if the logs lack the key
   */
  protected final Double monitorValue(Logs logs, String purpose) {
    if (logs.has(monitor)) {
      return logs.get(monitor);
    }
    if (!warned) {
      warned = true;
      Console.warn(
          purpose + " watches '" + monitor + "', which is not in the logs; available: "
              + String.join(", ", logs.names()));
    }
    return null;
  }

  private boolean resolveMaximize() {
    if (!"auto".equals(mode)) {
      return "max".equals(mode);
    }
    String name = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
    if ("loss".equals(name)) {
      return false;
    }
    if (model != null && model.metricNames().contains(name) && isAccuracy(name)) {
      return true;
    }
    throw new IllegalStateException(
        getClass().getSimpleName() + " cannot tell whether '" + monitor
            + "' should rise or fall: it is neither the loss nor a compiled accuracy metric "
            + "(compiled: " + (model == null ? "none" : model.metricNames()) + "); set "
            + "mode(\"max\") to keep the highest value or mode(\"min\") to keep the lowest");
  }

  private static boolean isAccuracy(String metric) {
    return "acc".equals(metric) || "accuracy".equals(metric) || metric.endsWith("_accuracy");
  }
}
