package dev.tensile.callbacks;

import java.util.List;

/**
 * The CSV that Keras's {@code CSVLogger} writes through Python's {@code csv} module (the {@code
 * excel} dialect): one {@code epoch} column (epochs from 0) then one column per log key, values as
 * Python prints floats, missing values as {@code NA}, a field quoted only when it holds the
 * separator, a quote or a line break, and every line ended by {@code \r\n}.
 */
final class CsvText {
  /** The excel dialect's line terminator. */
  static final String LINE_END = "\r\n";

  private CsvText() {}

  /**
   * Returns the header line.
   *
   * @param keys the log keys, in column order
   * @param separator the field separator
   * @return {@code epoch,key1,key2...} and the line end
   */
  static String header(List<String> keys, String separator) {
    StringBuilder line = new StringBuilder("epoch");
    for (String key : keys) {
      line.append(separator).append(field(key, separator));
    }
    return line.append(LINE_END).toString();
  }

  /**
   * Returns one epoch's line.
   *
   * @param epoch the epoch, from 0
   * @param values one value per key, null where missing
   * @param separator the field separator
   * @return the line, with its line end
   */
  static String row(int epoch, Double[] values, String separator) {
    StringBuilder line = new StringBuilder(Integer.toString(epoch));
    for (Double v : values) {
      line.append(separator).append(v == null ? "NA" : field(FloatRepr.of(v), separator));
    }
    return line.append(LINE_END).toString();
  }

  private static String field(String text, String separator) {
    boolean quote = text.contains(separator) || text.indexOf('"') >= 0
        || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
