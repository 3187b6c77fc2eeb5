package dev.tensile.callbacks;

import dev.tensile.utils.ProgressBar;
import dev.tensile.utils.Terminal;
import java.io.PrintStream;

/**
 * Prints Keras's progress output during {@code fit}: {@code Epoch e/E} (when there is more than
 * one epoch), then a progress bar per epoch whose final line carries the epoch's logs. The model
 * appends it after the user's callbacks when verbose is 1 or 2.
 */
public final class ProgbarLogger implements Callback {
  private final int verbose;
  private final int epochs;
  private final int steps;
  private final PrintStream out;
  private ProgressBar bar;

  /**
   * Makes the logger.
   *
   * @param verbose 1 for a bar per epoch, 2 for one line per epoch
   * @param epochs the last epoch (exclusive, as {@code fit}'s {@code epochs})
   * @param steps the batches per epoch
   * @param out where to print
   * @throws IllegalArgumentException if {@code out} is null
   */
  public ProgbarLogger(int verbose, int epochs, int steps, PrintStream out) {
    this.verbose = verbose;
    this.epochs = epochs;
    this.steps = steps;
    this.out = Checks.notNull("out", out);
  }

  @Override
  public void onEpochBegin(int epoch, Logs logs) {
    if (epochs > 1) {
      out.println("Epoch " + (epoch + 1) + "/" + epochs);
      out.flush();
    }
    bar = new ProgressBar(
        steps, verbose, out, out == System.out && Terminal.isInteractive(), System::nanoTime);
  }

  @Override
  public void onTrainBatchEnd(int batch, Logs logs) {
    bar.update(batch + 1, logs.names(), logs.values());
  }

  @Override
  public void onEpochEnd(int epoch, Logs logs) {
    bar.finish(logs.names(), logs.values());
  }
}
