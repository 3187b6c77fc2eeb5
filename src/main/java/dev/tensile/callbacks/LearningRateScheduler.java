package dev.tensile.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sets the learning rate at the start of every epoch from a schedule, Keras's {@code
 * keras.callbacks.LearningRateScheduler}: {@code lr = schedule(epoch, lr)}, epochs from 0, the
 * current rate read as the optimizer holds it (float32).
 *
 * <pre>{@code
 * // Keras: LearningRateScheduler(lambda epoch, lr: lr if epoch < 10 else lr * math.exp(-0.1))
 * new LearningRateScheduler((epoch, lr) -> epoch < 10 ? lr : lr * Math.exp(-0.1))
 * }</pre>
 *
 * <p>With verbose &gt; 0 each epoch prints {@code Epoch N: LearningRateScheduler setting learning
 * rate to <lr>.} after an empty line. Keras also writes the rate into the epoch's logs as {@code
 * learning_rate}; Tensile's logs have fixed keys, so {@link #learningRates()} keeps that record.
 */
public final class LearningRateScheduler implements Callback {
  /** A learning-rate schedule: the rate for an epoch, given the epoch and the current rate. */
  @FunctionalInterface
  public interface Schedule {
    /**
     * Computes an epoch's learning rate.
     *
     * @param epoch the epoch, from 0
     * @param learningRate the optimizer's current learning rate
     * @return the rate for this epoch; finite and positive
     */
    double apply(int epoch, double learningRate);
  }

  private final Schedule schedule;
  private int verbose;
  private TrainingModel model;
  private final List<Double> rates = new ArrayList<>();

  /**
   * Makes the scheduler, silent by default.
   *
   * @param schedule the schedule
   * @throws IllegalArgumentException if the schedule is null
   */
  public LearningRateScheduler(Schedule schedule) {
    if (schedule == null) {
      throw new IllegalArgumentException("LearningRateScheduler needs a schedule, got null");
    }
    this.schedule = schedule;
  }

  /**
   * Sets the verbosity (default 0): above 0 prints each epoch's rate.
   *
   * @param value at least 0
   * @return this callback
   */
  public LearningRateScheduler verbose(int value) {
    verbose = Checks.atLeastZero("verbose", value);
    return this;
  }

  /**
   * Returns the learning rate of each epoch of the latest run, read at the epoch's end: the values
   * Keras logs as {@code learning_rate}.
   *
   * @return an unmodifiable copy, one value per epoch seen
   */
  public List<Double> learningRates() {
    return Collections.unmodifiableList(new ArrayList<>(rates));
  }

  @Override
  public void setModel(TrainingModel model) {
    this.model = model;
  }

  @Override
  public void onTrainBegin(Logs logs) {
    rates.clear();
  }

  /**
   * Applies the schedule.
   *
   * @param epoch the epoch, from 0
   * @param logs empty
   * @throws IllegalStateException if no model was set
   * @throws IllegalArgumentException if the schedule returns a rate that is not finite and positive
   */
  @Override
  public void onEpochBegin(int epoch, Logs logs) {
    double lr = schedule.apply(epoch, model().learningRate());
    if (!(Double.isFinite(lr) && lr > 0)) {
      throw new IllegalArgumentException(
          "the schedule returned learning rate " + lr + " for epoch " + epoch
              + "; expected a finite positive number");
    }
    model().setLearningRate(lr);
    if (verbose > 0) {
      Console.say(
          "\nEpoch " + (epoch + 1) + ": LearningRateScheduler setting learning rate to "
              + FloatRepr.of(lr) + ".");
    }
  }

  @Override
  public void onEpochEnd(int epoch, Logs logs) {
    rates.add((double) model().learningRate());
  }

  private TrainingModel model() {
    if (model == null) {
      throw new IllegalStateException(
          "LearningRateScheduler has no compiled model; fit passes it through setModel");
    }
    return model;
  }

  @Override
  public String toString() {
    return "LearningRateScheduler(verbose=" + verbose + ")";
  }
}
