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
    for (String workload : List.of("relu_adam_b32", "relu_rmsprop_b32", "relu_sgd_b32")) {
      t.peerTarget(workload);
    }
    t.largeProductTarget();
    t.mklTarget();
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

  private void peerTarget(String workload) {
    String target = workload + ", real data, through fit: >= 2x faster than the fastest peer";
    PeerReport peers = new PeerReport(results);
    Optional<String> tensile = peers.tensile(workload);
    Optional<String> peer = peers.fastestPeer(workload);
    if (tensile.isEmpty() || peer.isEmpty()) {
      add(target, "-", null);
      return;
    }
    double theirs = results.number(PeerReport.EPOCH, peer.get(), workload).getAsDouble();
    double ratio = theirs / results.number(PeerReport.EPOCH, tensile.get(), workload).getAsDouble();
    add(
        target,
        String.format(Locale.ROOT, "%.2fx (%s %.3f s)", ratio, peer.get(), theirs),
        ratio >= 2);
  }

  private void mklTarget() {
    String target = "matrix products: >= 70% of MKL's rate, same shapes and threads";
    double worst = Double.POSITIVE_INFINITY;
    String where = null;
    for (String shape : PeerReport.SHARED_SHAPES) {
      for (int threads = 1; threads <= 2; threads++) {
        OptionalDouble ours = results.number("gflops", "vector:" + threads, shape);
        OptionalDouble mkl = results.number("gflops", "pytorch-t" + threads, shape);
        if (ours.isPresent() && mkl.isPresent()) {
          double share = ours.getAsDouble() / mkl.getAsDouble();
          if (share < worst) {
            worst = share;
            where = shape + ", " + threads + " thread" + (threads == 1 ? "" : "s");
          }
        }
      }
    }
    add(
        target,
        where == null ? "-" : String.format(Locale.ROOT, "lowest %.0f%% (%s)", 100 * worst, where),
        where == null ? null : worst >= 0.7);
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
