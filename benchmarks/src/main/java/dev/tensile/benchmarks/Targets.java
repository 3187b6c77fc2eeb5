package dev.tensile.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The performance targets, each checked against a run's results: a row of target, measurement and
 * verdict ({@code met}, {@code not met}, or {@code not measured}).
 */
public final class Targets {
  private static final String RELU_ADAM = "relu_adam_b32";

  private final Results results;
  private final List<String[]> rows = new ArrayList<>();

  private Targets(Results results) {
    this.results = results;
  }

  /**
   * Checks every target.
   *
   * @param results the run's results
   * @return rows of target, measured, verdict
   */
  public static List<String[]> check(Results results) {
    Targets t = new Targets(results);
    t.epochTarget("-jdk17", 0.30);
    t.epochTarget("-jdk25", 0.20);
    t.pytorchTarget();
    t.largeProductTarget();
    t.threadsTarget();
    t.allocationTarget();
    return t.rows;
  }

  private void epochTarget(String jdk, double limit) {
    String target =
        String.format(
            Locale.ROOT,
            "relu+Adam, batch 32, through fit, JDK %s: " + "<= %.2f s/epoch",
            jdk.substring(4),
            limit);
    Optional<String> best = results.bestTensile("epoch_s", RELU_ADAM, jdk);
    if (best.isEmpty()) {
      add(target, "-", null);
      return;
    }
    double s = results.number("epoch_s", best.get(), RELU_ADAM).getAsDouble();
    add(target, String.format(Locale.ROOT, "%.3f s (%s)", s, best.get()), s <= limit);
  }

  private void pytorchTarget() {
    String target = "relu+Adam, batch 32: >= 2x faster than PyTorch with OpenBLAS, same run";
    Optional<String> best = results.bestTensile("epoch_s", RELU_ADAM, "-jdk17");
    OptionalDouble torch = results.number("epoch_s", "pytorch", RELU_ADAM);
    if (best.isEmpty() || torch.isEmpty()) {
      add(target, "-", null);
      return;
    }
    double ratio =
        torch.getAsDouble() / results.number("epoch_s", best.get(), RELU_ADAM).getAsDouble();
    add(
        target,
        String.format(Locale.ROOT, "%.2fx (PyTorch %.3f s)", ratio, torch.getAsDouble()),
        ratio >= 2);
  }

  private void largeProductTarget() {
    String target = "1024^3 product on one core: >= 60 GFLOP/s";
    double best = 0;
    String who = null;
    for (String engine : List.of("ejml", "vector:1")) {
      OptionalDouble g = results.number("gflops", engine, KernelBenchmarks.LARGE);
      if (g.isPresent() && g.getAsDouble() > best) {
        best = g.getAsDouble();
        who = engine;
      }
    }
    add(
        target,
        who == null ? "-" : String.format(Locale.ROOT, "%.1f GFLOP/s (%s)", best, who),
        who == null ? null : best >= 60);
  }

  private void threadsTarget() {
    String target = "relu+Adam, batch 256, through fit: >= 1.6x faster on 2 threads than on 1";
    String vector = "tensile-vector-jdk17";
    OptionalDouble one = results.number("epoch_s", vector, "relu_adam_b256_t1");
    OptionalDouble two = results.number("epoch_s", vector, "relu_adam_b256_t2");
    if (one.isEmpty() || two.isEmpty()) {
      add(target, "-", null);
      return;
    }
    double speedup = one.getAsDouble() / two.getAsDouble();
    add(
        target,
        String.format(
            Locale.ROOT, "%.2fx (%.3f s -> %.3f s)", speedup, one.getAsDouble(), two.getAsDouble()),
        speedup >= 1.6);
  }

  private void allocationTarget() {
    String target = "bytes allocated per training step in steady state: 0";
    Optional<String> best = results.bestTensile("epoch_s", RELU_ADAM, "-jdk17");
    OptionalDouble bytes =
        best.isEmpty()
            ? OptionalDouble.empty()
            : results.number("alloc_bytes_per_step", best.get(), RELU_ADAM);
    if (bytes.isEmpty()) {
      add(target, "-", null);
      return;
    }
    add(
        target,
        String.format(
            Locale.ROOT, "%s B/step (%s)", BenchReport.bytes(bytes.getAsDouble()), best.get()),
        bytes.getAsDouble() == 0);
  }

  private void add(String target, String measured, Boolean met) {
    rows.add(
        new String[] {target, measured, met == null ? "not measured" : met ? "met" : "not met"});
  }
}
