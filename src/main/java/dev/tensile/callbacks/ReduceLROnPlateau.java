package dev.tensile.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lowers the learning rate when a monitored value stops improving, Keras's {@code
 * keras.callbacks.ReduceLROnPlateau}.
 *
 * <p>At each epoch end, if the monitored key is logged:
 *
 * <pre>
 * if cooldownCounter &gt; 0: cooldownCounter -= 1; wait = 0
 * if improves(current, best): best = current; wait = 0       // see MonitorCallback
 * else if cooldownCounter == 0:
 *   wait += 1
 *   if wait &gt;= patience and lr &gt; float32(minLr):
 *     lr = max(lr * factor, minLr); cooldownCounter = cooldown; wait = 0
 * </pre>
 *
 * The best value carries over from one {@code fit} to the next, as in Keras; the wait and
 * cooldown restart. With verbose &gt; 0 a reduction prints {@code Epoch N: ReduceLROnPlateau
 * reducing learning rate to <lr>.} after an empty line, the rate as Python prints a float.
 *
 * <p>Keras also writes the epoch's rate into the logs as {@code learning_rate}; Tensile's logs
 * have fixed keys, so {@link #learningRates()} keeps that record instead.
 *
 * <pre>{@code
 * new ReduceLROnPlateau().monitor("val_loss").factor(0.2).patience(5).minLr(0.001)
 * }</pre>
 */
public final class ReduceLROnPlateau extends MonitorCallback<ReduceLROnPlateau> {
  /** Keras's default {@code min_delta}. */
  public static final double DEFAULT_MIN_DELTA = 1e-4;

  private double factor = 0.1;
  private int patience = 10;
  private int cooldown;
  private double minLr;
  private int wait;
  private int cooldownCounter;
  private final List<Double> rates = new ArrayList<>();

  /**
   * Makes the callback with Keras's defaults: val_loss, factor 0.1, patience 10, min delta 1e-4,
   * cooldown 0, min lr 0.
   */
  public ReduceLROnPlateau() {
    super(DEFAULT_MIN_DELTA);
  }

  @Override
  protected ReduceLROnPlateau self() {
    return this;
  }

  /**
   * Sets the multiplier applied to the learning rate, {@code lr = lr * factor} (default 0.1).
   *
   * @param value in (0, 1)
   * @return this callback
   * @throws IllegalArgumentException outside (0, 1); Keras rejects factors of 1 and more
   */
  public ReduceLROnPlateau factor(double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau factor must be in (0, 1), got " + value);
    }
    factor = value;
    return this;
  }

  /**
   * Sets how many epochs without improvement to allow before reducing (default 10).
   *
   * @param epochs at least 0
   * @return this callback
   */
  public ReduceLROnPlateau patience(int epochs) {
    patience = Checks.atLeastZero("patience", epochs);
    return this;
  }

  /**
   * Sets the smallest change that counts as an improvement (default 1e-4); the sign is ignored.
   *
   * @param value a finite number
   * @return this callback
   */
  public ReduceLROnPlateau minDelta(double value) {
    setMinDelta(value);
    return this;
  }

  /**
   * Sets the number of epochs after a reduction during which the wait does not count (default 0).
   *
   * @param epochs at least 0
   * @return this callback
   */
  public ReduceLROnPlateau cooldown(int epochs) {
    cooldown = Checks.atLeastZero("cooldown", epochs);
    return this;
  }

  /**
   * Sets the lowest learning rate a reduction may reach (default 0).
   *
   * @param value finite and at least 0
   * @return this callback
   */
  public ReduceLROnPlateau minLr(double value) {
    if (!(Checks.finite("minLr", value) >= 0)) {
      throw new IllegalArgumentException("minLr must be at least 0, got " + value);
    }
    minLr = value;
    return this;
  }

  /**
   * Returns the learning rate in effect during each epoch of the latest run, read at the epoch's
   * end before any reduction: the values Keras logs as {@code learning_rate}.
   *
   * @return an unmodifiable copy, one value per epoch seen
   */
  public List<Double> learningRates() {
    return Collections.unmodifiableList(new ArrayList<>(rates));
  }

  /**
   * Returns the epochs counted without improvement.
   *
   * @return Keras's {@code wait}
   */
  public int waitCount() {
    return wait;
  }

  /**
   * Returns the epochs of cooldown left.
   *
   * @return Keras's {@code cooldown_counter}
   */
  public int cooldownCounter() {
    return cooldownCounter;
  }

  @Override
  public void onTrainBegin(Logs logs) {
    super.onTrainBegin(logs);
    wait = 0;
    cooldownCounter = 0;
    rates.clear();
  }

  @Override
  public void onEpochEnd(int epoch, Logs logs) {
    maximizes();
    TrainingModel model = model();
    rates.add((double) model.learningRate());
    Double current = monitorValue(logs, "Learning rate reduction");
    if (current == null) {
      return;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      wait = 0;
    }
    if (isImprovement(current, bestOrNull())) {
      setBest(current);
      wait = 0;
    } else if (cooldownCounter == 0) {
      wait++;
      double oldLr = model.learningRate();
      // Compared in float32, as Keras does, so a rate already clamped to minLr stays put.
      if (wait >= patience && oldLr > (float) minLr) {
        double newLr = Math.max(oldLr * factor, minLr);
        model.setLearningRate(newLr);
        if (verbose() > 0) {
          Console.say(
              "\nEpoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to "
                  + FloatRepr.of(newLr) + ".");
        }
        cooldownCounter = cooldown;
        wait = 0;
      }
    }
  }

  @Override
  public String toString() {
    return "ReduceLROnPlateau(monitor=" + monitor() + ", factor=" + factor + ", patience="
        + patience + ", verbose=" + verbose() + ", mode=" + mode() + ", minDelta=" + minDelta()
        + ", cooldown=" + cooldown + ", minLr=" + minLr + ")";
  }
}
