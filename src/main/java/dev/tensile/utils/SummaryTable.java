package dev.tensile.utils;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The text of Keras 3's {@code model.summary()} for a sequential model, built from plain rows.
 *
 * <pre>
 * Model: "sequential"
 * ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
 * ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
 * ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
 * │ dense (Dense)                   │ (None, 10)             │         7,850 │
 * └─────────────────────────────────┴────────────────────────┴───────────────┘
 *  Total params: 7,850 (30.66 KB)
 *  Trainable params: 7,850 (30.66 KB)
 *  Non-trainable params: 0 (0.00 B)
 * </pre>
 *
 * <p>Column widths follow Keras and {@code rich}: column {@code i} is {@code int(p_i · L) −
 * int(p_{i−1} · L)} wide for positions {@code p = (0.45, 0.80, 1.0)} and line length {@code L}; one
 * space of padding each side is added and the excess over {@code L − 4} (the four borders) is taken
 * back evenly, Python-rounded, column by column. At {@code L = 76} the segments between borders are
 * 33, 24 and 15 characters; at 88 they are 38, 29 and 17. A separator line is drawn between every
 * two rows; long cell text wraps as rich wraps it (see {@code CellText}). Each line, the last
 * included, ends with {@code \n}.
 *
 * <p>Sizes are float32: a parameter takes 4 bytes. {@code Total params} adds the optimizer's
 * variables once the optimizer is built, as Keras does.
 */
public final class SummaryTable {
  /** Keras's line length when output is not a terminal (80 columns − 4). */
  public static final int DEFAULT_LINE_LENGTH = 76;

  /** Bytes per parameter: float32. */
  public static final int BYTES_PER_PARAM = 4;

  private static final double[] POSITIONS = {0.45, 0.80, 1.0};
  private static final String[] HEADERS = {"Layer (type)", "Output Shape", "Param #"};
  private static final boolean[] RIGHT_ALIGNED = {false, false, true};
  private static final int MIN_COLUMN_WIDTH = 4;
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

  /** The narrowest line length at which every column keeps its minimum width. */
  public static final int MIN_LINE_LENGTH = narrowestLineLength();

  private static int narrowestLineLength() {
    for (int length = POSITIONS.length + 1; ; length++) {
      try {
        segmentWidths(length);
        return length;
      } catch (IllegalArgumentException e) {
        // too narrow: try one more column
      }
    }
  }

  /**
   * Box-drawing characters per kind of line: left edge, horizontal, divider, right edge.
   *
   * @param top the line above the header
   * @param head the header row
   * @param headRule the line under the header
   * @param body a layer row
   * @param rule the line between two layer rows
   * @param bottom the last line of the table
   */
  private record Box(
      String top, String head, String headRule, String body, String rule, String bottom) {}

  /** rich's HEAVY_HEAD box, the one Keras uses. */
  private static final Box HEAVY_HEAD = new Box("┏━┳┓", "┃ ┃┃", "┡━╇┩", "│ ││", "├─┼┤", "└─┴┘");

  /** rich's ASCII box, which it substitutes when the output cannot encode box drawing. */
  private static final Box ASCII = new Box("+--+", "| ||", "|-+|", "| ||", "|-+|", "+--+");

  private SummaryTable() {}

  /**
   * One layer of the summary.
   *
   * @param name the layer's name, such as {@code dense_1}
   * @param type the layer's class name, such as {@code Dense}
   * @param outputShape the output shape as a Python tuple, such as {@code (None, 10)}, or {@code ?}
   *     when it is not known yet
   * @param params the layer's parameter count (ignored when not built)
   * @param built false for a layer without weights yet, shown as {@code 0 (unbuilt)}
   */
  public record Row(String name, String type, String outputShape, long params, boolean built) {
    /**
     * Checks the row.
     *
     * @param name the layer's name
     * @param type the layer's class name
     * @param outputShape the output shape text, or {@code ?}
     * @param params the parameter count, 0 or more
     * @param built whether the layer has its weights
     * @throws NullPointerException if a text is null
     * @throws IllegalArgumentException if {@code params} is negative
     */
    public Row {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(outputShape, "outputShape");
      if (params < 0) {
        throw new IllegalArgumentException(
            "params of layer " + name + " must be 0 or more, got " + params);
      }
    }
  }

  /**
   * Renders the summary with rich's heavy-header box drawing.
   *
   * @param modelName the model's name, shown as {@code Model: "name"}
   * @param rows the layers, in order; not modified
   * @param trainable trainable parameter count
   * @param nonTrainable non-trainable parameter count
   * @param optimizerParams the optimizer's variable count, or -1 for no optimizer line (no
   *     optimizer, or not built yet)
   * @param optimizerBytes the optimizer's variables in bytes (an int64 iteration counter takes 8)
   * @param lineLength total width: 76 normally, 88 on a wide terminal ({@link
   *     Terminal#summaryLineLength()})
   * @return the summary, every line ending with {@code \n}
   * @throws IllegalArgumentException if a count is negative or {@code lineLength} leaves a column
   *     narrower than 4
   */
  public static String render(
      String modelName,
      List<Row> rows,
      long trainable,
      long nonTrainable,
      long optimizerParams,
      long optimizerBytes,
      int lineLength) {
    return render(
        modelName,
        rows,
        trainable,
        nonTrainable,
        optimizerParams,
        optimizerBytes,
        lineLength,
        true);
  }

  /**
   * Renders the summary, with box drawing or, as rich does for an output that cannot encode it,
   * with ASCII {@code + - |}.
   *
   * @param modelName the model's name, shown as {@code Model: "name"}
   * @param rows the layers, in order; not modified
   * @param trainable trainable parameter count
   * @param nonTrainable non-trainable parameter count
   * @param optimizerParams the optimizer's variable count, or -1 for no optimizer line
   * @param optimizerBytes the optimizer's variables in bytes
   * @param lineLength total width, normally 76 or 88
   * @param boxDrawing true for box-drawing characters, false for ASCII
   * @return the summary, every line ending with {@code \n}
   * @throws IllegalArgumentException if a count is negative or {@code lineLength} leaves a column
   *     narrower than 4
   */
  public static String render(
      String modelName,
      List<Row> rows,
      long trainable,
      long nonTrainable,
      long optimizerParams,
      long optimizerBytes,
      int lineLength,
      boolean boxDrawing) {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(rows, "rows");
    checkCount("trainable", trainable, 0);
    checkCount("nonTrainable", nonTrainable, 0);
    checkCount("optimizerParams", optimizerParams, -1);
    checkCount("optimizerBytes", optimizerBytes, 0);
    int[] widths = segmentWidths(lineLength);
    Box box = boxDrawing ? HEAVY_HEAD : ASCII;

    StringBuilder out = new StringBuilder();
    out.append("Model: \"").append(modelName).append("\"\n");
    rule(out, box.top(), widths);
    cells(out, box.head(), widths, HEADERS);
    rule(out, box.headRule(), widths);
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        rule(out, box.rule(), widths);
      }
      Row row = rows.get(i);
      String params = row.built() ? Formats.grouped(row.params()) : "0 (unbuilt)";
      String layer = row.name() + " (" + row.type() + ")";
      cells(out, box.body(), widths, new String[] {layer, row.outputShape(), params});
    }
    rule(out, box.bottom(), widths);

    boolean optimizer = optimizerParams >= 0;
    long optimizerCount = optimizer ? optimizerParams : 0;
    long optimizerSize = optimizer ? optimizerBytes : 0;
    total(
        out,
        "Total",
        trainable + nonTrainable + optimizerCount,
        (trainable + nonTrainable) * BYTES_PER_PARAM + optimizerSize);
    total(out, "Trainable", trainable, trainable * BYTES_PER_PARAM);
    total(out, "Non-trainable", nonTrainable, nonTrainable * BYTES_PER_PARAM);
    if (optimizer) {
      total(out, "Optimizer", optimizerParams, optimizerBytes);
    }
    return out.toString();
  }

  /**
   * A byte count in Keras's units of 1024: {@code "%.2f <unit>"} with B, KB, MB, GB, TB, PB,
   * rounded as Python rounds. Sizes of 1024 PB and more stay in PB.
   *
   * @param bytes the number of bytes, 0 or more
   * @return for example "0.00 B", "1023.00 B", "1.00 KB", "310.59 KB"
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public static String humanBytes(long bytes) {
    checkCount("bytes", bytes, 0);
    double size = bytes;
    int unit = 0;
    while (size / 1024 >= 1 && unit < UNITS.length - 1) {
      size /= 1024;
      unit++;
    }
    return Formats.fixed(size, 2) + " " + UNITS[unit];
  }

  /**
   * The widths between borders, padding included, of the three columns at a line length.
   *
   * @param lineLength the total width
   * @return three widths summing to {@code lineLength − 4}
   */
  static int[] segmentWidths(int lineLength) {
    int[] widths = new int[POSITIONS.length];
    int used = 0;
    int total = 0;
    for (int i = 0; i < POSITIONS.length; i++) {
      int width = (int) (POSITIONS[i] * lineLength) - used;
      if (width < MIN_COLUMN_WIDTH) {
        throw new IllegalArgumentException(
            "lineLength "
                + lineLength
                + " is too narrow for the summary: column "
                + i
                + " would be "
                + width
                + " wide, expected at least "
                + MIN_COLUMN_WIDTH);
      }
      used += width;
      widths[i] = width + 2;
      total += widths[i];
    }
    // rich's ratio_reduce with equal ratios: take the excess back column by column.
    int excess = total - (lineLength - (POSITIONS.length + 1));
    int remainingRatio = POSITIONS.length;
    for (int i = 0; i < widths.length && excess > 0; i++) {
      int cut = Math.min(widths[i], (int) Math.rint((double) excess / remainingRatio));
      widths[i] -= cut;
      excess -= cut;
      remainingRatio--;
    }
    return widths;
  }

  private static void rule(StringBuilder out, String chars, int[] widths) {
    out.append(chars.charAt(0));
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) {
        out.append(chars.charAt(2));
      }
      out.append(String.valueOf(chars.charAt(1)).repeat(widths[i]));
    }
    out.append(chars.charAt(3)).append('\n');
  }

  private static void cells(StringBuilder out, String chars, int[] widths, String[] texts) {
    List<List<String>> columns = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < texts.length; i++) {
      List<String> lines = CellText.lines(texts[i], widths[i] - 2, RIGHT_ALIGNED[i]);
      columns.add(lines);
      height = Math.max(height, lines.size());
    }
    for (int line = 0; line < height; line++) {
      out.append(chars.charAt(0));
      for (int i = 0; i < widths.length; i++) {
        if (i > 0) {
          out.append(chars.charAt(2));
        }
        List<String> lines = columns.get(i);
        String text = line < lines.size() ? lines.get(line) : " ".repeat(widths[i] - 2);
        out.append(' ').append(text).append(' ');
      }
      out.append(chars.charAt(3)).append('\n');
    }
  }

  private static void total(StringBuilder out, String label, long count, long bytes) {
    out.append(' ').append(label).append(" params: ").append(Formats.grouped(count));
    out.append(" (").append(humanBytes(bytes)).append(")\n");
  }

  private static void checkCount(String what, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(what + " must be " + min + " or more, got " + value);
    }
  }

  /**
   * Lays a table cell's text out in a fixed width the way the {@code rich} library does for the
   * columns of Keras's summary (word wrap, {@code overflow="ellipsis"}).
   *
   * <p>Each line of the text is broken before a word (a run of non-spaces with the spaces after it)
   * that does not fit in what is left of the current line. A word longer than the whole width gets
   * a line of its own and is cut to {@code width − 1} characters followed by {@code …}: rich does
   * not hard-break words in these columns. Left-aligned lines keep their trailing spaces up to the
   * width; right-aligned lines drop them and are padded on the left. Widths count characters: tabs
   * and double-width characters are not treated specially.
   */
  static final class CellText {
    private static final char ELLIPSIS = '\u2026';

    private CellText() {}

    /**
     * Lays {@code text} out in lines of exactly {@code width} characters.
     *
     * @param text the cell text; '\n' starts a new line
     * @param width the content width, at least 1
     * @param rightAligned true to align right, false to align left
     * @return one or more lines, each {@code width} characters long
     */
    static List<String> lines(String text, int width, boolean rightAligned) {
      List<String> lines = new ArrayList<>();
      for (String paragraph : text.split("\n", -1)) {
        int from = 0;
        for (int end : breaks(paragraph, width)) {
          lines.add(align(paragraph.substring(from, end), width, rightAligned));
          from = end;
        }
        lines.add(align(paragraph.substring(from), width, rightAligned));
      }
      return lines;
    }

    /** Offsets to break {@code line} at so each piece fits {@code width} (rich's divide_line). */
    private static List<Integer> breaks(String line, int width) {
      List<Integer> breaks = new ArrayList<>();
      int offset = 0;
      int n = line.length();
      int start = 0;
      while (true) {
        int i = skipSpaces(line, start);
        if (i == n) {
          return breaks;
        }
        while (i < n && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        int wordLength = i - start;
        int end = skipSpaces(line, i);
        if (width - offset >= wordLength) {
          offset += end - start;
        } else if (wordLength > width || (offset > 0 && start > 0)) {
          if (start > 0) {
            breaks.add(start);
          }
          offset = end - start;
        }
        start = end;
      }
    }

    private static int skipSpaces(String s, int i) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      return i;
    }

    private static String align(String piece, int width, boolean rightAligned) {
      String line = rightAligned ? stripTrailing(piece, piece.length()) : stripExcess(piece, width);
      if (line.length() > width) {
        line = line.substring(0, width - 1) + ELLIPSIS;
      }
      String padding = " ".repeat(width - line.length());
      return rightAligned ? padding + line : line + padding;
    }

    /** Drops trailing spaces only as far as needed to fit {@code width} (rich's rstrip_end). */
    private static String stripExcess(String piece, int width) {
      return stripTrailing(piece, Math.max(0, piece.length() - width));
    }

    private static String stripTrailing(String s, int atMost) {
      int end = s.length();
      while (end > 0 && s.length() - end < atMost && Character.isWhitespace(s.charAt(end - 1))) {
        end--;
      }
      return s.substring(0, end);
    }
  }
}
