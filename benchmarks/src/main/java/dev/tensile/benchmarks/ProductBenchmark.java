package dev.tensile.benchmarks;

import dev.tensile.engine.MatrixEngine;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one matrix product on one engine: JMH reports products per second, and {@link
 * KernelBenchmarks} turns that into GFLOP/s with {@link ProductShape#flops()}.
 *
 * <p>The operands are filled once with seeded values in [-1, 1); the output is overwritten by every
 * call, so nothing is allocated while measuring.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProductBenchmark {
  /** The product, as {@link ProductShape#parse(String)} reads it. */
  @Param({"mult 32x784x100"})
  public String shape;

  /** The engine, as {@link EngineChoice#parse(String)} reads it. */
  @Param({"ejml"})
  public String engine;

  private ProductShape product;
  private MatrixEngine matrixEngine;
  private float[] a;
  private float[] b;
  private float[] c;

  /** Makes an idle benchmark; JMH sets the parameters, then calls {@link #setUp()}. */
  public ProductBenchmark() {}

  /** Makes the engine and fills the operands. */
  @Setup
  public void setUp() {
    product = ProductShape.parse(shape);
    matrixEngine = EngineChoice.parse(engine).create();
    SplittableRandom random = new SplittableRandom(42);
    a = fill(new float[product.leftSize()], random);
    b = fill(new float[product.rightSize()], random);
    c = new float[product.m() * product.n()];
  }

  /**
   * Runs the product once.
   *
   * @return the output, so the work cannot be discarded
   */
  @Benchmark
  public float[] product() {
    product.run(matrixEngine, a, b, c);
    return c;
  }

  private static float[] fill(float[] values, SplittableRandom random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }
}
