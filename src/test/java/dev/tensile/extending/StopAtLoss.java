package dev.tensile.extending;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.Logs;
import dev.tensile.callbacks.TrainingModel;

/** Stops training at the end of the first epoch whose loss is at or below a target. */
public final class StopAtLoss implements Callback {
  private final double target;
  private TrainingModel model;
  private int stoppedAfter = -1;

  /**
   * Makes the callback.
   *
   * @param target the loss to reach
   */
  public StopAtLoss(double target) {
    this.target = target;
  }

  @Override
  public void setModel(TrainingModel value) {
    model = value;
  }

  @Override
  public void onEpochEnd(int epoch, Logs logs) {
    if (logs.get("loss") <= target) {
      stoppedAfter = epoch;
      model.setStopTraining(true);
    }
  }

  /**
   * Returns the epoch after which training stopped.
   *
   * @return the epoch, from 0, or -1 if the target was never reached
   */
  public int stoppedAfter() {
    return stoppedAfter;
  }
}
