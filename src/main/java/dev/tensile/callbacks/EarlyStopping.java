package dev.tensile.callbacks;

import dev.tensile.tensor.Tensor;
import java.util.List;

/**
 * Stops training when a monitored value stops improving, Keras's {@code
 * keras.callbacks.EarlyStopping}.
 *
 * <p>At each epoch end from {@code startFromEpoch} on, if the monitored key is logged:
 *
 * <pre>
 * wait += 1
 * if improves(current, best):                       // see MonitorCallback
 *   best = current; bestEpoch = epoch; copy the weights if restoring
 *   if baseline is unset or improves(current, baseline): wait = 0
 * else if wait &gt;= patience and epoch &gt; 0:
 *   stop; stoppedEpoch = epoch
 * </pre>
 *
 * So {@code patience(0)} stops at the first epoch that does not improve, and with a baseline the
 * run stops after {@code patience} epochs unless some epoch beats it. At train end, with {@code
 * restoreBestWeights(true)}, the best epoch's weights are put back even when training ran to the
 * last epoch (as Keras 3 does). With verbose &gt; 0 it prints {@code Epoch N: early stopping} and
 * {@code Restoring model weights from the end of the best epoch: N.} (epochs from 1).
 *
 * <pre>{@code
 * model.fit(x, y, new FitOptions().epochs(100).validationSplit(0.2).callbacks(
 *     new EarlyStopping().monitor("val_loss").patience(2).restoreBestWeights(true)));
 * }</pre>
 */
public final class EarlyStopping extends MonitorCallback<EarlyStopping> {
  private int patience;
  private Double baseline;
  private boolean restoreBestWeights;
  private int startFromEpoch;
  private int wait;
  private int stoppedEpoch;
  private int bestEpoch;
  private List<Tensor> bestWeights;

  /** Makes the callback with Keras's defaults: val_loss, min delta 0, patience 0, mode auto. */
  public EarlyStopping() {
    super(0);
  }

  @Override
  protected EarlyStopping self() {
    return this;
  }

  /**
   * Sets the smallest change that counts as an improvement (default 0); the sign is ignored.
   *
   * @param value a finite number
   * @return this callback
   */
  public EarlyStopping minDelta(double value) {
    setMinDelta(value);
    return this;
  }

  /**
   * Sets how many epochs without improvement to allow before stopping (default 0).
   *
   * @param epochs at least 0
   * @return this callback
   */
  public EarlyStopping patience(int epochs) {
    patience = Checks.atLeastZero("patience", epochs);
    return this;
  }

  /**
   * Sets a value the monitored key must beat for the waiting count to restart (default none).
   *
   * @param value a finite number
   * @return this callback
   */
  public EarlyStopping baseline(double value) {
    baseline = Checks.finite("baseline", value);
    return this;
  }

  /**
   * Sets whether to put back the best epoch's weights at train end (default false).
   *
   * @param value true to restore
   * @return this callback
   */
  public EarlyStopping restoreBestWeights(boolean value) {
    restoreBestWeights = value;
    return this;
  }

  /**
   * Sets the number of warm-up epochs that are not monitored (default 0).
   *
   * @param epoch the first monitored epoch, from 0
   * @return this callback
   */
  public EarlyStopping startFromEpoch(int epoch) {
    startFromEpoch = Checks.atLeastZero("startFromEpoch", epoch);
    return this;
  }

  /**
   * Returns the epoch at which training was stopped.
   *
   * @return the epoch from 0, or 0 if this run did not stop early (Keras's {@code stopped_epoch})
   */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /**
   * Returns the epoch with the best monitored value.
   *
   * @return the epoch from 0 (0 before any monitored epoch)
   */
  public int bestEpoch() {
    return bestEpoch;
  }

  /**
   * Returns the number of epochs counted since the last reset of the wait.
   *
   * @return Keras's {@code wait}
   */
  public int waitCount() {
    return wait;
  }

  @Override
  public void onTrainBegin(Logs logs) {
    super.onTrainBegin(logs);
    wait = 0;
    stoppedEpoch = 0;
    bestEpoch = 0;
    bestWeights = null;
    setBest(null);
  }

  @Override
  public void onEpochEnd(int epoch, Logs logs) {
    maximizes();
    Double current = monitorValue(logs, "Early stopping");
    if (current == null || epoch < startFromEpoch) {
      return;
    }
    wait++;
    if (isImprovement(current, bestOrNull())) {
      setBest(current);
      bestEpoch = epoch;
      if (restoreBestWeights) {
        bestWeights = model().getWeights();
      }
      if (baseline == null || isImprovement(current, baseline)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      model().setStopTraining(true);
    }
  }

  @Override
  public void onTrainEnd(Logs logs) {
    if (stoppedEpoch > 0 && verbose() > 0) {
      Console.say("Epoch " + (stoppedEpoch + 1) + ": early stopping");
    }
    if (restoreBestWeights && bestWeights != null) {
      if (verbose() > 0) {
        Console.say(
            "Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
      }
      model().setWeights(bestWeights);
    }
  }

  @Override
  public String toString() {
    return "EarlyStopping(monitor=" + monitor() + ", minDelta=" + minDelta() + ", patience="
        + patience + ", verbose=" + verbose() + ", mode=" + mode() + ", baseline=" + baseline
        + ", restoreBestWeights=" + restoreBestWeights + ", startFromEpoch=" + startFromEpoch
        + ")";
  }
}
