package dev.tensile.callbacks;

import dev.tensile.utils.Formats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves the model at the end of every epoch, or only when a monitored value improves, Keras's
 * {@code keras.callbacks.ModelCheckpoint} with {@code save_freq="epoch"}.
 *
 * <p>The file path is a template filled each epoch with {@code epoch} (from 1) and every log key,
 * in Python's format syntax: {@code "ckpt-{epoch:02d}-{val_loss:.2f}.tensile"} gives {@code
 * ckpt-03-0.41.tensile}. Missing directories are created. The model is written with {@link
 * TrainingModel#save(Path)}, or {@link TrainingModel#saveWeights(Path)} with {@code
 * saveWeightsOnly(true)}; an existing file is replaced, and {@code Sequential.load(Path)} reads it
 * back.
 *
 * <p>With {@code saveBestOnly(true)} an epoch is saved only if the monitored value improves on the
 * best so far (the {@link MonitorCallback} test with min delta 0), starting from {@code
 * initialValueThreshold} if set; the best carries over from one {@code fit} to the next. If the
 * key is not logged, a warning is printed and the epoch is saved anyway, as in Keras.
 *
 * <p>With verbose &gt; 0 it prints, each after an empty line, Keras's messages: {@code Epoch N:
 * val_loss improved from None to 0.41234, saving model to PATH} or {@code Epoch N: val_loss did
 * not improve from 0.41234} (best only), {@code Epoch N: saving model to PATH} (every epoch), and
 * {@code Epoch N: finished saving model to PATH} after each save.
 *
 * <pre>{@code
 * new ModelCheckpoint("best.tensile").monitor("val_accuracy").saveBestOnly(true)
 * }</pre>
 */
public final class ModelCheckpoint extends MonitorCallback<ModelCheckpoint> {
  private final String filepath;
  private boolean saveBestOnly;
  private boolean saveWeightsOnly;
  private Double initialValueThreshold;

  /**
   * Makes a checkpoint that saves the whole model after every epoch.
   *
   * @param filepath the file path template, e.g. {@code "ckpt-{epoch:02d}.tensile"}
   * @throws IllegalArgumentException if the path is null or empty
   */
  public ModelCheckpoint(String filepath) {
    super(0);
    if (filepath == null || filepath.isEmpty()) {
      throw new IllegalArgumentException(
          "ModelCheckpoint needs a file path, got " + (filepath == null ? "null" : "''"));
    }
    this.filepath = filepath;
  }

  /**
   * Makes a checkpoint that saves the whole model to one file after every epoch; braces in the
   * path are still read as template fields.
   *
   * @param file the file to create or replace
   * @throws IllegalArgumentException if the path is null
   */
  public ModelCheckpoint(Path file) {
    this(file == null ? null : file.toString());
  }

  @Override
  protected ModelCheckpoint self() {
    return this;
  }

  /**
   * Sets whether to save only epochs that improve the monitored value (default false).
   *
   * @param value true to save only improvements
   * @return this callback
   */
  public ModelCheckpoint saveBestOnly(boolean value) {
    saveBestOnly = value;
    return this;
  }

  /**
   * Sets whether to save the weights alone instead of the whole model (default false).
   *
   * @param value true for {@code saveWeights}
   * @return this callback
   */
  public ModelCheckpoint saveWeightsOnly(boolean value) {
    saveWeightsOnly = value;
    return this;
  }

  /**
   * Sets the value the first saved epoch must beat when saving only the best (default none).
   *
   * @param value a finite number
   * @return this callback
   */
  public ModelCheckpoint initialValueThreshold(double value) {
    initialValueThreshold = Checks.finite("initialValueThreshold", value);
    setBest(initialValueThreshold);
    return this;
  }

  /**
   * Returns the file path template.
   *
   * @return the template as given
   */
  public String filepath() {
    return filepath;
  }

  /**
   * Saves the model if this epoch calls for it.
   *
   * @param epoch the epoch, from 0
   * @param logs the epoch's logs
   * @throws IllegalArgumentException if the path template names a key the logs lack
   * @throws UncheckedIOException if the path is a directory or saving fails
   * @throws IllegalStateException if mode {@code auto} cannot tell the monitored key's direction
   */
  @Override
  public void onEpochEnd(int epoch, Logs logs) {
    maximizes();
    Map<String, Number> fields = new LinkedHashMap<>();
    fields.put("epoch", epoch + 1);
    fields.putAll(logs.asMap());
    String path = PathTemplate.format(filepath, fields);
    if (shouldSave(epoch, logs, path)) {
      save(Path.of(path));
      if (verbose() > 0) {
        Console.say("\nEpoch " + (epoch + 1) + ": finished saving model to " + path);
      }
    }
  }

  private boolean shouldSave(int epoch, Logs logs, String path) {
    String prefix = "\nEpoch " + (epoch + 1) + ": ";
    if (!saveBestOnly) {
      if (verbose() > 0) {
        Console.say(prefix + "saving model to " + path);
      }
      return true;
    }
    Double current = monitorValue(logs, "ModelCheckpoint with saveBestOnly");
    if (current == null) {
      return true;
    }
    Double best = bestOrNull();
    String bestText = best == null ? "None" : Formats.fixed(best, 5);
    if (!isImprovement(current, best)) {
      if (verbose() > 0) {
        Console.say(prefix + monitor() + " did not improve from " + bestText);
      }
      return false;
    }
    if (verbose() > 0) {
      Console.say(prefix + monitor() + " improved from " + bestText + " to "
          + Formats.fixed(current, 5) + ", saving model to " + path);
    }
    setBest(current);
    return true;
  }

  private void save(Path path) {
    try {
      if (Files.isDirectory(path)) {
        throw new IOException("it is an existing directory; give ModelCheckpoint a file path");
      }
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (saveWeightsOnly) {
        model().saveWeights(path);
      } else {
        model().save(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "ModelCheckpoint cannot save to " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "ModelCheckpoint(filepath=" + filepath + ", monitor=" + monitor() + ", verbose="
        + verbose() + ", saveBestOnly=" + saveBestOnly + ", saveWeightsOnly=" + saveWeightsOnly
        + ", mode=" + mode() + ", initialValueThreshold=" + initialValueThreshold + ")";
  }
}
