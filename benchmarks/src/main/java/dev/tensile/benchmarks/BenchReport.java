package dev.tensile.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns a run's results file into the Markdown report on standard output, ending with one summary
 * line:
 *
 * <pre>
 * tensile-bench relu_adam_b32_epoch_s=0.31 fastest_peer=keras-jax
 *     fastest_peer_relu_adam_b32_epoch_s=0.74 ratio=2.39 alloc_bytes_per_step=0
 * </pre>
 *
 * <p>(on one line): Tensile's and the fastest peer's seconds per epoch on the real data, the
 * peer's time over Tensile's, and the bytes a training step allocates (see {@link PeerReport}).
 * Options: {@code --results FILE}.
 */
public final class BenchReport {
  private static final String RELU_ADAM = "relu_adam_b32";

  private final Results results;
  private final StringBuilder out = new StringBuilder();

  private BenchReport(Results results) {
    this.results = results;
  }

  /**
   * Prints the report.
   *
   * @param args {@code --results FILE}
   */
  public static void main(String[] args) {
    Options options = new Options(args, Set.of(), Set.of("results"));
    System.out.print(render(new Results(Result.read(options.results()))));
  }

  /**
   * Renders the report.
   *
   * @param results the run's results
   * @return Markdown, then the summary line
   */
  public static String render(Results results) {
    BenchReport r = new BenchReport(results);
    r.facts();
    r.training();
    r.peers();
    r.kernels();
    r.others();
    r.section("Targets");
    r.table(new String[] {"target", "measured", "verdict"}, Targets.check(results), false);
    r.out.append(r.summary()).append('\n');
    return r.out.toString();
  }

  /**
   * Formats a byte count: whole numbers without decimals, others with one.
   *
   * @param value bytes
   * @return the text
   */
  static String bytes(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private void facts() {
    section("Setup");
    Set<String> lines = new LinkedHashSet<>();
    for (Result r : results.all("info")) {
      lines.add("- " + r.variant() + " " + r.item() + ": " + r.value() + "\n");
    }
    lines.forEach(out::append);
    out.append('\n');
  }

  private void training() {
    section("Training through fit: seconds per epoch (median after a warm-up epoch)");
    if (results.variants("epoch_s").isEmpty()) {
      out.append("Not measured in this run.\n\n");
      return;
    }
    out.append(
        "Synthetic 28x28 samples (48,000; 4,800 in a quick run), shuffled every epoch, "
            + "loss and accuracy computed every step, verbose 0. `_tN`: N threads (EJML always "
            + "uses 1). Each figure comes from a process of its own; \"(3 runs, a-b)\": the median "
            + "of three such processes, which ranged from a to b.\n\n");
    perVariant("epoch_s", "%.3f", workloadOrder());
    section("Training accuracy after the last timed epoch");
    perVariant("accuracy", "%.3f", workloadOrder());
  }

  private void peers() {
    section("Against the peers: seconds per epoch on the real data");
    new PeerReport(results).epochs(out);
  }

  private void kernels() {
    section("Matrix products: GFLOP/s (JMH, 1 fork, 5 x 1 s warm-up, 3 x 1 s measured)");
    List<String> order = new ArrayList<>(KernelBenchmarks.BATCH_32);
    order.addAll(KernelBenchmarks.BATCH_256);
    order.add(KernelBenchmarks.LARGE);
    if (results.variants("gflops").isEmpty()) {
      out.append("Not measured in this run.\n\n");
    } else {
      perVariant("gflops", "%.1f", order);
    }
    new PeerReport(results).products(out);
  }

  private void others() {
    section("Prediction, allocation and start-up");
    List<String> variants = new ArrayList<>(results.variants("predict_per_s"));
    for (String metric : List.of("startup_s", "alloc_bytes_per_step")) {
      for (String v : results.variants(metric)) {
        if (!variants.contains(v)) {
          variants.add(v);
        }
      }
    }
    if (variants.isEmpty()) {
      out.append("Not measured in this run.\n\n");
      return;
    }
    List<String> header = new ArrayList<>(List.of("measure"));
    header.addAll(variants);
    List<String[]> rows = new ArrayList<>();
    rows.add(
        row(
            "predict, relu model, batch 32 (samples/s)",
            "predict_per_s",
            "relu_b32",
            "%.0f",
            variants));
    rows.add(
        row(
            "bytes allocated per training step (relu+Adam, batch 32)",
            "alloc_bytes_per_step",
            RELU_ADAM,
            "%.1f",
            variants));
    rows.add(
        row(
            "bytes allocated per training step (CNN+Adam, batch 32)",
            "alloc_bytes_per_step",
            Workload.CNN.get(0).name(),
            "%.1f",
            variants));
    for (String item : results.items("startup_s", List.of())) {
      rows.add(
          row("start-up: " + item.replace('_', ' ') + " (s)", "startup_s", item, "%.2f", variants));
    }
    table(header.toArray(new String[0]), rows, true);
  }

  private String[] row(
      String label, String metric, String item, String format, List<String> variants) {
    List<String> cells = new ArrayList<>(List.of(label));
    for (String v : variants) {
      OptionalDouble x = results.number(metric, v, item);
      double[] runs = results.values(metric, v, item);
      String cell = x.isEmpty() ? "-" : String.format(Locale.ROOT, format, x.getAsDouble());
      if (runs.length > 1) {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        cell +=
            String.format(
                Locale.ROOT,
                " (%d runs, " + format + "-" + format + ")",
                runs.length,
                sorted[0],
                sorted[sorted.length - 1]);
      }
      cells.add(cell);
    }
    return cells.toArray(new String[0]);
  }

  private void perVariant(String metric, String format, List<String> order) {
    List<String> variants = results.variants(metric);
    List<String> header =
        new ArrayList<>(List.of(metric.equals("gflops") ? "product" : "workload"));
    header.addAll(variants);
    List<String[]> rows = new ArrayList<>();
    for (String item : results.items(metric, order)) {
      rows.add(row(item, metric, item, format, variants));
    }
    table(header.toArray(new String[0]), rows, true);
  }

  private static List<String> workloadOrder() {
    List<String> order = new ArrayList<>();
    for (Workload w : Workload.TUTORIAL) {
      order.add(w.name());
    }
    for (Workload w : Workload.LARGE_BATCHES) {
      order.add(w.name() + "_t1");
      order.add(w.name() + "_t2");
    }
    for (Workload w : Workload.CNN) {
      order.add(w.name() + "_t1");
      order.add(w.name() + "_t2");
    }
    return order;
  }

  private String summary() {
    Optional<String> best = results.bestTensile("epoch_s", RELU_ADAM, "-jdk17");
    OptionalDouble alloc =
        best.isPresent()
            ? results.number("alloc_bytes_per_step", best.get(), RELU_ADAM)
            : OptionalDouble.empty();
    return new PeerReport(results).summary(alloc);
  }

  private void section(String title) {
    out.append("### ").append(title).append("\n\n");
  }

  /** A Markdown table; columns after the first are right-aligned when they hold numbers. */
  private void table(String[] header, List<String[]> rows, boolean numbers) {
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.length; i++) {
      out.append(i > 0 && numbers ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (String[] r : rows) {
      out.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    out.append('\n');
  }
}
