package dev.tensile.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Streams each epoch's logs to a CSV file, Keras's {@code keras.callbacks.CSVLogger}.
 *
 * <p>The file is opened at train begin (emptied, or appended to with {@code append(true)}), gets
 * the header {@code epoch,accuracy,loss,val_accuracy,val_loss} (the keys of the first epoch's logs,
 * sorted) unless it is appended to a non-empty file, then one line per epoch, epochs from 0,
 * flushed at once; it is closed at train end. The text is Python's {@code csv} output: floats as
 * Python prints them and {@code \r\n} line ends.
 *
 * <pre>{@code
 * model.fit(x, y, new FitOptions().epochs(5).callbacks(new CSVLogger("training.log")));
 * }</pre>
 */
public final class CSVLogger implements Callback {
  private final Path file;
  private String separator = ",";
  private boolean append;
  private Writer writer;
  private boolean writeHeader;
  private List<String> keys;

  /**
   * Makes a logger that overwrites the file, separating fields with commas.
   *
   * @param file the CSV file; its directory must exist
   * @throws IllegalArgumentException if the file is null
   */
  public CSVLogger(Path file) {
    if (file == null) {
      throw new IllegalArgumentException("CSVLogger needs a file, got null");
    }
    this.file = file;
  }

  /**
   * Makes a logger that overwrites the file, separating fields with commas.
   *
   * @param filename the CSV file's name, e.g. {@code "run/log.csv"}
   * @throws IllegalArgumentException if the name is null
   */
  public CSVLogger(String filename) {
    this(filename == null ? null : Path.of(filename));
  }

  /**
   * Sets the field separator (default {@code ","}).
   *
   * @param value a non-empty string
   * @return this logger
   * @throws IllegalArgumentException if empty
   */
  public CSVLogger separator(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("separator must be a non-empty string, got " + value);
    }
    separator = value;
    return this;
  }

  /**
   * Sets whether to append to an existing file instead of overwriting it (default false), to
   * continue an earlier run; the header is written only if the file is empty or missing.
   *
   * @param value true to append
   * @return this logger
   */
  public CSVLogger append(boolean value) {
    append = value;
    return this;
  }

  /**
   * Returns the file written.
   *
   * @return the path
   */
  public Path file() {
    return file;
  }

  /**
   * Opens the file.
   *
   * @param logs empty
   * @throws UncheckedIOException if the file cannot be opened
   */
  @Override
  public void onTrainBegin(Logs logs) {
    close();
    try {
      writeHeader = !append || !Files.exists(file) || Files.size(file) == 0;
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw failure("open", e);
    }
    keys = null;
  }

  /**
   * Writes the epoch's line, after the header on the first epoch.
   *
   * @param epoch the epoch, from 0
   * @param logs the epoch's logs
   * @throws IllegalStateException if the training did not begin
   * @throws UncheckedIOException if writing fails
   */
  @Override
  public void onEpochEnd(int epoch, Logs logs) {
    if (writer == null) {
      throw new IllegalStateException("CSVLogger got an epoch end before onTrainBegin opened "
          + file);
    }
    if (keys == null) {
      keys = logs.names();
    }
    Double[] row = new Double[keys.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = logs.has(keys.get(i)) ? logs.get(keys.get(i)) : null;
    }
    try {
      if (writeHeader) {
        writer.write(CsvText.header(keys, separator));
        writeHeader = false;
      }
      writer.write(CsvText.row(epoch, row, separator));
      writer.flush();
    } catch (IOException e) {
      throw failure("write to", e);
    }
  }

  /**
   * Closes the file.
   *
   * @param logs the last epoch's logs
   * @throws UncheckedIOException if closing fails
   */
  @Override
  public void onTrainEnd(Logs logs) {
    close();
  }

  private void close() {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (IOException e) {
      throw failure("close", e);
    } finally {
      writer = null;
    }
  }

  private UncheckedIOException failure(String action, IOException e) {
    return new UncheckedIOException("CSVLogger cannot " + action + " " + file + ": " + e, e);
  }

  @Override
  public String toString() {
    return "CSVLogger(file=" + file + ", separator=" + separator + ", append=" + append + ")";
  }
}
