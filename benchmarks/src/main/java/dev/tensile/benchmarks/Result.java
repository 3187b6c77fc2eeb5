package dev.tensile.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured number or fact, stored as a tab-separated line {@code metric, variant, item, value};
 * every part of a run (JMH, the training mains, the PyTorch peer) appends such lines to one file,
 * and {@link BenchReport} reads them back.
 *
 * <p>Examples: {@code epoch_s tensile-vector-jdk17 relu_adam_b32 0.21}, {@code gflops vector:1 mult
 * 1024x1024x1024 61.5}, {@code info pytorch blas OpenBLAS ...}.
 *
 * @param metric what was measured, e.g. {@code epoch_s}, {@code gflops}, {@code info}
 * @param variant who ran it, e.g. {@code tensile-ejml-jdk17}, {@code pytorch}, {@code vector:2}
 * @param item the workload or product, e.g. {@code relu_adam_b32}
 * @param value the number or text
 */
public record Result(String metric, String variant, String item, String value) {

  /**
   * Checks that no part is empty or holds a tab or line break.
   *
   * @throws IllegalArgumentException if a part cannot be stored on one tab-separated line
   */
  public Result {
    for (String part : new String[] {metric, variant, item, value}) {
      if (part == null || part.isEmpty() || part.matches("(?s).*[\t\r\n].*")) {
        throw new IllegalArgumentException(
            "a result part must be non-empty text without tabs or line breaks, got '" + part + "'");
      }
    }
  }

  /**
   * Makes a numeric result.
   *
   * @param metric what was measured
   * @param variant who ran it
   * @param item the workload or product
   * @param value the number
   * @return the result
   */
  public static Result of(String metric, String variant, String item, double value) {
    return new Result(metric, variant, item, Double.toString(value));
  }

  /**
   * Returns the value as a number.
   *
   * @return the value
   * @throws NumberFormatException if the value is text
   */
  public double number() {
    return Double.parseDouble(value);
  }

  /**
   * Appends results to a file, creating it if needed.
   *
   * @param file the results file
   * @param results the results to add
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void append(Path file, List<Result> results) {
    List<String> lines = new ArrayList<>();
    for (Result r : results) {
      lines.add(String.join("\t", r.metric, r.variant, r.item, r.value));
    }
    try {
      Files.write(
          file,
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + file, e);
    }
  }

  /**
   * Reads every result of a file; blank lines are skipped.
   *
   * @param file the results file
   * @return the results in file order
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if a line does not have four tab-separated parts
   */
  public static List<Result> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read results from " + file, e);
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] parts = lines.get(i).split("\t", -1);
      if (parts.length != 4) {
        throw new IllegalArgumentException(
            file
                + " line "
                + (i + 1)
                + ": expected metric, variant, item and value separated"
                + " by tabs, got '"
                + lines.get(i)
                + "'");
      }
      results.add(new Result(parts[0], parts[1], parts[2], parts[3]));
    }
    return results;
  }
}
