package dev.tensile.benchmarks;

import dev.tensile.engine.Engines;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ProductBenchmark} under JMH for the products of a training step and records GFLOP/s
 * per product and engine: {@code gflops = 2 m k n * products per second / 1e9}.
 *
 * <p>The products are those of the relu model's step ({@code Dense(100)} then {@code Dense(10)} on
 * 784 inputs) at batch 32 and 256, and one large {@code 1024 x 1024 x 1024} product. Every product
 * runs on EJML and on the Vector API engine with one thread; the batch-256 and large ones also with
 * two threads. One fork, 5 warm-up and 3 measured iterations of 1 s each: the Vector API engine can
 * need several seconds before the JIT has compiled its kernels.
 *
 * <p>Options: {@code --results FILE} (appended to), {@code --log-dir DIR} (JMH's own output, one
 * file per JMH run; default standard error).
 */
public final class KernelBenchmarks {
  /** The products of one training step at batch 32. */
  public static final List<String> BATCH_32 = step(32);

  /** The same products at batch 256. */
  public static final List<String> BATCH_256 = step(256);

  /** A large square product, where an engine's peak shows. */
  public static final String LARGE = "mult 1024x1024x1024";

  private KernelBenchmarks() {}

  /**
   * The products of one step of the relu model at a batch size: forward {@code X W1}, {@code H W2};
   * kernel gradients {@code X^T dZ1}, {@code H^T dZ2}; input gradient {@code dZ2 W2^T}.
   *
   * @param batch the batch size
   * @return the products as {@link ProductShape#parse(String)} reads them
   */
  public static List<String> step(int batch) {
    return List.of(
        "mult " + batch + "x784x100",
        "mult " + batch + "x100x10",
        "multTransA 784x" + batch + "x100",
        "multTransA 100x" + batch + "x10",
        "multTransB " + batch + "x10x100");
  }

  /**
   * Runs the benchmarks.
   *
   * @param args see the class description
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    Options options = new Options(args, Set.of(), Set.of("results", "log-dir"));
    List<String> all = new ArrayList<>(BATCH_32);
    all.addAll(BATCH_256);
    all.add(LARGE);
    List<String> large = new ArrayList<>(BATCH_256);
    large.add(LARGE);
    boolean vector = Engines.vectorAvailable();
    List<Result> results = new ArrayList<>();
    results.addAll(run(all, vector ? List.of("ejml", "vector:1") : List.of("ejml"), options));
    if (vector) {
      results.addAll(run(large, List.of("vector:2"), options));
    } else {
      Progress.say("no Vector API in this JVM: EJML only");
    }
    Result.append(options.results(), results);
  }

  private static List<Result> run(List<String> shapes, List<String> engines, Options options)
      throws RunnerException {
    ChainedOptionsBuilder builder =
        new OptionsBuilder()
            .include(ProductBenchmark.class.getName())
            .param("shape", shapes.toArray(new String[0]))
            .param("engine", engines.toArray(new String[0]))
            .forks(1)
            .warmupIterations(5)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(1));
    String logDir = options.get("log-dir", null);
    if (logDir != null) {
      builder.output(
          java.nio.file.Path.of(
                  logDir, "jmh-" + String.join("-", engines).replace(':', '_') + ".log")
              .toString());
    }
    Collection<RunResult> runs = new Runner(builder.build()).run();
    List<Result> out = new ArrayList<>();
    for (RunResult run : runs) {
      String shape = run.getParams().getParam("shape");
      String engine = run.getParams().getParam("engine");
      double perSecond = run.getPrimaryResult().getScore();
      double gflops = ProductShape.parse(shape).flops() * perSecond / 1e9;
      out.add(Result.of("gflops", engine, shape, gflops));
      Progress.say(String.format(Locale.ROOT, "%-9s %-24s %8.2f GFLOP/s", engine, shape, gflops));
    }
    return out;
  }
}
