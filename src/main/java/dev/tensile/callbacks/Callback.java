package dev.tensile.callbacks;


/**
 * Hooks that {@code fit}, {@code evaluate} and {@code predict} call, Keras's {@code
 * keras.callbacks.Callback}. Every method does nothing unless overridden.
 *
 * <p>Order within {@code fit}: {@code onTrainBegin}; for each epoch {@code onEpochBegin}, then for
 * each batch {@code onTrainBatchBegin} and {@code onTrainBatchEnd} (with the running epoch
 * averages), then validation ({@code onTestBegin}, {@code onTestBatchBegin/End}, {@code
 * onTestEnd}) if any, then {@code onEpochEnd} with the epoch's logs including {@code val_} keys;
 * finally {@code onTrainEnd}. Epochs and batches are counted from 0. A callback stops training
 * with {@code model.setStopTraining(true)} on the {@link TrainingModel} it received; {@code fit}
 * checks it after each batch and epoch.
 *
 * <p>Logs passed in are updated in place by the model; copy what you keep.
 */
public interface Callback {

  /**
   * Receives the model before training starts, Keras's {@code set_model}.
   *
   * @param model the model being trained, seen through the narrow {@link TrainingModel} view
   */
  default void setModel(TrainingModel model) {}

  /**
   * Called once when {@code fit} starts.
   *
   * @param logs empty
   */
  default void onTrainBegin(Logs logs) {}

  /**
   * Called once when {@code fit} ends, also after an early stop.
   *
   * @param logs the last epoch's logs
   */
  default void onTrainEnd(Logs logs) {}

  /**
   * Called at the start of each epoch.
   *
   * @param epoch the epoch, from 0
   * @param logs empty
   */
  default void onEpochBegin(int epoch, Logs logs) {}

  /**
   * Called at the end of each epoch, after validation.
   *
   * @param epoch the epoch, from 0
   * @param logs the epoch's averages: {@code loss}, metrics, and {@code val_} keys if validating
   */
  default void onEpochEnd(int epoch, Logs logs) {}

  /**
   * Called before each training batch.
   *
   * @param batch the batch within the epoch, from 0
   * @param logs empty
   */
  default void onTrainBatchBegin(int batch, Logs logs) {}

  /**
   * Called after each training batch.
   *
   * @param batch the batch within the epoch, from 0
   * @param logs the running averages of the epoch so far
   */
  default void onTrainBatchEnd(int batch, Logs logs) {}

  /**
   * Called when evaluation starts (validation inside {@code fit}, or {@code evaluate}).
   *
   * @param logs empty
   */
  default void onTestBegin(Logs logs) {}

  /**
   * Called when evaluation ends.
   *
   * @param logs the evaluation's results
   */
  default void onTestEnd(Logs logs) {}

  /**
   * Called before each evaluation batch.
   *
   * @param batch the batch, from 0
   * @param logs empty
   */
  default void onTestBatchBegin(int batch, Logs logs) {}

  /**
   * Called after each evaluation batch.
   *
   * @param batch the batch, from 0
   * @param logs the running averages so far
   */
  default void onTestBatchEnd(int batch, Logs logs) {}
}
