package dev.tensile.callbacks;

import dev.tensile.internal.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of a {@code fit} call, Keras's {@code History}: for each log key ({@code accuracy},
 * {@code loss}, {@code val_accuracy}, {@code val_loss}) the list of per-epoch values, and the
 * epochs they belong to. {@code fit} returns it, and {@code model.history()} holds the latest.
 */
public final class History implements Callback {
  private final Map<String, List<Double>> values = new TreeMap<>();
  private final List<Integer> epochs = new ArrayList<>();
  private final Map<String, Object> params = new LinkedHashMap<>();

  /** Makes an empty history. */
  public History() {}

  /**
   * Records the parameters of the run, as Keras's {@code history.params}.
   *
   * @param verbose the verbosity
   * @param epochCount the number of epochs asked for
   * @param steps the batches per epoch
   */
  public void setParams(int verbose, int epochCount, int steps) {
    params.put("verbose", verbose);
    params.put("epochs", epochCount);
    params.put("steps", steps);
  }

  @Override
  public void onTrainBegin(Logs logs) {
    values.clear();
    epochs.clear();
  }

  @Override
  public void onEpochEnd(int epoch, Logs logs) {
    epochs.add(epoch);
    for (int i = 0; i < logs.names().size(); i++) {
      values.computeIfAbsent(logs.names().get(i), k -> new ArrayList<>()).add(logs.values()[i]);
    }
  }

  /**
   * Returns every key's per-epoch values, keys sorted, as Keras's {@code history.history}.
   *
   * @return an unmodifiable view
   */
  public Map<String, List<Double>> history() {
    Map<String, List<Double>> view = new LinkedHashMap<>();
    values.forEach((k, v) -> view.put(k, Collections.unmodifiableList(v)));
    return Collections.unmodifiableMap(view);
  }

  /**
   * Returns one key's per-epoch values.
   *
   * @param key for example {@code val_accuracy}
   * @return the values, one per epoch
   * @throws IllegalArgumentException if the key was never logged, listing those that were
   */
  public List<Double> get(String key) {
    List<Double> v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException(
          "no '" + key + "' in the history; keys: " + String.join(", ", values.keySet()));
    }
    return Collections.unmodifiableList(v);
  }

  /**
   * Returns the last epoch's value of a key.
   *
   * @param key for example {@code val_accuracy}
   * @return the final value
   * @throws IllegalArgumentException if the key was never logged
   */
  public double last(String key) {
    List<Double> v = get(key);
    return v.get(v.size() - 1);
  }

  /**
   * Returns the epochs recorded, from 0.
   *
   * @return an unmodifiable list
   */
  public List<Integer> epoch() {
    return Collections.unmodifiableList(epochs);
  }

  /**
   * Returns the run's parameters: {@code verbose}, {@code epochs}, {@code steps}.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> params() {
    return Collections.unmodifiableMap(params);
  }

  /**
   * Returns the history as the CSV text Keras's {@code CSVLogger} would have written for the same
   * run: the header {@code epoch,accuracy,loss,val_accuracy,val_loss} (keys sorted), then one line
   * per epoch, epochs from 0, floats as Python prints them, {@code NA} where a key has no value,
   * every line ended by {@code \r\n}.
   *
   * @return the CSV text; only the header line if nothing was recorded
   */
  public String toCsv() {
    List<String> keys = new ArrayList<>(values.keySet());
    StringBuilder text = new StringBuilder(CsvText.header(keys, ","));
    for (int e = 0; e < epochs.size(); e++) {
      Double[] row = new Double[keys.size()];
      for (int k = 0; k < row.length; k++) {
        List<Double> column = values.get(keys.get(k));
        row[k] = e < column.size() ? column.get(e) : null;
      }
      text.append(CsvText.row(epochs.get(e), row, ","));
    }
    return text.toString();
  }

  /**
   * Writes {@link #toCsv()} to a file atomically: to a temporary file beside it, then moved over
   * it, so a reader never sees a half-written file. The file gets the permissions an ordinary
   * write would give it (those of the file it replaces, else the process's defaults).
   *
   * @param file the destination; its directory must exist
   * @throws IOException if writing or moving fails (the message names the file); the destination
   *     is then unchanged
   */
  public void writeCsv(Path file) throws IOException {
    Checks.notNull("writeCsv's file", file);
    AtomicFile.writeString(file, toCsv());
  }

  @Override
  public String toString() {
    return "History" + values;
  }
}
