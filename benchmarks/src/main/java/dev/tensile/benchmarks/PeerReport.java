package dev.tensile.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The report's comparison with the Python peers: seconds per epoch on the real data for Tensile
 * and each peer, the ratio to the fastest peer, the matrix products' rate beside MKL's, and the
 * summary line
 *
 * <pre>
 * tensile-bench relu_adam_b32_epoch_s=0.31 fastest_peer=keras-jax
 *     fastest_peer_relu_adam_b32_epoch_s=0.74 ratio=2.39 alloc_bytes_per_step=0
 * </pre>
 *
 * <p>(on one line), where Tensile's time is its fastest engine's on JDK 17 in the peer
 * comparison, the ratio is the fastest peer's time over Tensile's, and the allocation is that
 * engine's in the training benchmark. A value not measured is {@code NA}.
 */
public final class PeerReport {
  /** The headline workload. */
  public static final String RELU_ADAM = "relu_adam_b32";

  /** Seconds per epoch on the real data, written by Tensile's and the peers' runs alike. */
  public static final String EPOCH = "peer_epoch_s";

  /** The comparison's workloads, in report order. */
  public static final List<String> WORKLOADS =
      List.of(RELU_ADAM, "relu_rmsprop_b32", "relu_sgd_b32", "cnn_adam_b32");

  /** Shapes timed both by JMH (Tensile) and by the PyTorch peers (MKL). */
  public static final List<String> SHARED_SHAPES =
      List.of(
          "mult 32x784x100", "multTransA 784x32x100", "mult 32x100x10", KernelBenchmarks.LARGE);

  private final Results results;

  /**
   * Makes the report's comparison for a run.
   *
   * @param results the run's results
   */
  public PeerReport(Results results) {
    this.results = results;
  }

  /**
   * Returns Tensile's fastest variant on JDK 17 for a workload.
   *
   * @param workload for example {@code relu_adam_b32}
   * @return the variant, or empty if Tensile did not run it
   */
  public Optional<String> tensile(String workload) {
    return results.bestTensile(EPOCH, workload, "-jdk17");
  }

  /**
   * Returns the peer with the lowest median time for a workload.
   *
   * @param workload for example {@code relu_adam_b32}
   * @return the peer's variant, or empty if no peer ran it
   */
  public Optional<String> fastestPeer(String workload) {
    String best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (String v : results.variants(EPOCH)) {
      OptionalDouble x = results.number(EPOCH, v, workload);
      if (!v.startsWith("tensile-") && x.isPresent() && x.getAsDouble() < bestValue) {
        best = v;
        bestValue = x.getAsDouble();
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Appends the epoch table and the ratios.
   *
   * @param out the report
   */
  public void epochs(StringBuilder out) {
    List<String> variants = results.variants(EPOCH);
    out.append(
        "The real Fashion-MNIST training set (60,000 images; the first 12,000 in a quick run), "
            + "batch 32, three epochs per process, seconds per epoch the median of epochs 2-3; "
            + "one process per model, Tensile and the peers alternating; \"(N runs, a-b)\": the "
            + "median of N rounds, which ranged from a to b.\n\n");
    if (variants.isEmpty()) {
      out.append("Not measured in this run.\n\n");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    for (String w : results.items(EPOCH, WORKLOADS)) {
      List<String> cells = new ArrayList<>(List.of(w));
      for (String v : variants) {
        cells.add(cell(results.values(EPOCH, v, w)));
      }
      rows.add(cells.toArray(new String[0]));
    }
    List<String> header = new ArrayList<>(List.of("workload"));
    header.addAll(variants);
    table(out, header, rows);
    List<String> ratios = new ArrayList<>();
    for (String w : results.items(EPOCH, WORKLOADS)) {
      Optional<String> t = tensile(w);
      Optional<String> p = fastestPeer(w);
      if (t.isPresent() && p.isPresent()) {
        ratios.add(
            String.format(
                Locale.ROOT,
                "%s %.2fx (%s)",
                w,
                seconds(p.get(), w) / seconds(t.get(), w),
                p.get()));
      }
    }
    if (!ratios.isEmpty()) {
      out.append("The fastest peer's time over Tensile's (above 1: Tensile is faster): ")
          .append(String.join("; ", ratios))
          .append(".\n\n");
    }
  }

  /**
   * Appends Tensile's product rates as shares of MKL's on the same shapes, if both were measured.
   *
   * @param out the report
   */
  public void products(StringBuilder out) {
    List<String> shares = new ArrayList<>();
    for (String shape : SHARED_SHAPES) {
      for (int threads = 1; threads <= 2; threads++) {
        OptionalDouble ours = results.number("gflops", "vector:" + threads, shape);
        OptionalDouble mkl = results.number("gflops", "pytorch-t" + threads, shape);
        if (ours.isPresent() && mkl.isPresent()) {
          shares.add(
              String.format(
                  Locale.ROOT,
                  "%s on %d thread%s %.0f%%",
                  shape,
                  threads,
                  threads == 1 ? "" : "s",
                  100 * ours.getAsDouble() / mkl.getAsDouble()));
        }
      }
    }
    if (!shares.isEmpty()) {
      out.append("The Vector API engine's rate as a share of MKL's (torch.mm, same shapes): ")
          .append(String.join("; ", shares))
          .append(".\n\n");
    }
  }

  /**
   * Returns the summary line.
   *
   * @param alloc the bytes per training step to report, if measured
   * @return the line, without a line break
   */
  public String summary(OptionalDouble alloc) {
    Optional<String> t = tensile(RELU_ADAM);
    Optional<String> p = fastestPeer(RELU_ADAM);
    String ratio =
        t.isPresent() && p.isPresent()
            ? String.format(
                Locale.ROOT, "%.2f", seconds(p.get(), RELU_ADAM) / seconds(t.get(), RELU_ADAM))
            : "NA";
    return "tensile-bench relu_adam_b32_epoch_s="
        + (t.isPresent() ? format(seconds(t.get(), RELU_ADAM)) : "NA")
        + " fastest_peer="
        + p.orElse("NA")
        + " fastest_peer_relu_adam_b32_epoch_s="
        + (p.isPresent() ? format(seconds(p.get(), RELU_ADAM)) : "NA")
        + " ratio="
        + ratio
        + " alloc_bytes_per_step="
        + (alloc.isPresent() ? BenchReport.bytes(alloc.getAsDouble()) : "NA");
  }

  private double seconds(String variant, String workload) {
    return results.number(EPOCH, variant, workload).getAsDouble();
  }

  private static String format(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  /** A Markdown table with right-aligned number columns after the first. */
  private static void table(StringBuilder out, List<String> header, List<String[]> rows) {
    out.append("| ").append(String.join(" | ", header)).append(" |\n| --- |");
    out.append(" ---: |".repeat(header.size() - 1)).append('\n');
    for (String[] r : rows) {
      out.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    out.append('\n');
  }

  private static String cell(double[] runs) {
    if (runs.length == 0) {
      return "-";
    }
    String text = format(Stats.median(runs));
    if (runs.length > 1) {
      double[] sorted = runs.clone();
      Arrays.sort(sorted);
      text +=
          String.format(
              Locale.ROOT,
              " (%d runs, %.3f-%.3f)",
              runs.length,
              sorted[0],
              sorted[sorted.length - 1]);
    }
    return text;
  }
}
