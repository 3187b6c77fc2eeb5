package dev.tensile.callbacks;


/**
 * Stops training when a batch's logged {@code loss} is NaN or infinite, Keras's {@code
 * keras.callbacks.TerminateOnNaN}: it prints {@code Batch B: Invalid loss, terminating training}
 * (B from 0) and asks the model to stop, so {@code fit} ends after that batch and still calls
 * {@code onTrainEnd}; with {@code raiseError(true)} it throws instead.
 *
 * <p>How it relates to {@code fit}: without this callback, a non-finite batch loss makes {@code
 * fit} throw an {@link IllegalStateException} naming the epoch and batch; with it, the callback
 * sees that batch's logs first and stops training gracefully, as in Keras.
 */
public final class TerminateOnNaN implements Callback {
  private boolean raiseError;
  private TrainingModel model;

  /** Makes the callback; it stops training gracefully by default. */
  public TerminateOnNaN() {}

  /**
   * Sets whether to throw instead of stopping gracefully (default false), Keras's {@code
   * raise_error}; a throw skips every callback's {@code onTrainEnd}.
   *
   * @param value true to throw
   * @return this callback
   */
  public TerminateOnNaN raiseError(boolean value) {
    raiseError = value;
    return this;
  }

  @Override
  public void setModel(TrainingModel value) {
    model = value;
  }

  /**
   * Checks the batch's loss.
   *
   * @param batch the batch within the epoch, from 0
   * @param logs the running averages; only {@code loss} is read
   * @throws IllegalStateException if the loss is not finite and {@code raiseError} is set, or no
   *     model was set
   */
  @Override
  public void onTrainBatchEnd(int batch, Logs logs) {
    if (!logs.has("loss") || Double.isFinite(logs.get("loss"))) {
      return;
    }
    double loss = logs.get("loss");
    if (raiseError) {
      throw new IllegalStateException(
          "NaN or infinite loss at batch " + batch + ": loss " + loss + "; training stopped");
    }
    if (model == null) {
      throw new IllegalStateException(
          "TerminateOnNaN has no model; fit passes it through setModel");
    }
    Console.say("Batch " + batch + ": Invalid loss, terminating training");
    model.setStopTraining(true);
  }

  @Override
  public String toString() {
    return "TerminateOnNaN(raiseError=" + raiseError + ")";
  }
}
