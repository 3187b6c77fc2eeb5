package dev.tensile.benchmarks;

import dev.tensile.internal.LayerAccess;
import dev.tensile.layers.Layer;
import dev.tensile.models.Sequential;
import dev.tensile.utils.RandomSeed;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Where a training step of a model goes, layer by layer: each layer's forward and backward pass
 * timed on its own, on a batch of seeded random images, after a warm-up, the optimizer left out.
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp ... dev.tensile.benchmarks.LayerTimes \
 *     [--workload cnn_adam_b32] [--steps 1000] [--warmup 500]
 * </pre>
 *
 * <p>Prints one line per layer, milliseconds per step forward and backward, then their total.
 * The first layer computes no input gradient, as in {@code fit}.
 */
public final class LayerTimes {
  private LayerTimes() {}

  /**
   * Times the layers.
   *
   * @param args {@code --workload NAME} (default {@code cnn_adam_b32}), {@code --steps N}
   *     (default 1000), {@code --warmup N} (default 500)
   */
  public static void main(String[] args) {
    Options options = new Options(args, Set.of(), Set.of("workload", "steps", "warmup"));
    Workload workload = Workload.parse(options.get("workload", "cnn_adam_b32"));
    int steps = options.ints("steps", "1000").get(0);
    int warmup = options.ints("warmup", "500").get(0);
    RandomSeed.set(TrainingBenchmark.SEED);
    Sequential model = workload.build();
    int batch = workload.batch();
    List<Layer> layers = model.layers();
    LayerAccess.Ops<Layer> ops = LayerAccess.ops(Layer.class);
    ops.computeInputGradient(layers.get(0), false);
    SplittableRandom random = new SplittableRandom(TrainingBenchmark.SEED);
    float[] x = new float[batch * 784];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    long[] forward = new long[layers.size()];
    long[] backward = new long[layers.size()];
    float[] gradient = null;
    for (int step = 0; step < warmup + steps; step++) {
      boolean timed = step >= warmup;
      float[] in = x;
      for (int l = 0; l < layers.size(); l++) {
        long t = System.nanoTime();
        in = ops.forward(layers.get(l), in, batch, true);
        if (timed) {
          forward[l] += System.nanoTime() - t;
        }
      }
      if (gradient == null) {
        // A fixed output gradient of the loss's scale: the times do not depend on its values.
        gradient = new float[in.length];
        for (int i = 0; i < gradient.length; i++) {
          gradient[i] = (float) (random.nextDouble() - 0.5) / batch;
        }
      }
      float[] g = gradient;
      for (int l = layers.size() - 1; l >= 0; l--) {
        long t = System.nanoTime();
        g = ops.backward(layers.get(l), g, batch);
        if (timed) {
          backward[l] += System.nanoTime() - t;
        }
      }
    }
    double total = 0;
    for (int l = 0; l < layers.size(); l++) {
      double f = forward[l] / 1e6 / steps;
      double b = backward[l] / 1e6 / steps;
      total += f + b;
      System.out.printf(Locale.ROOT, "%-20s forward %7.3f ms  backward %7.3f ms%n",
          layers.get(l).name(), f, b);
    }
    System.out.printf(Locale.ROOT, "%s, batch %d: %.3f ms per step in the layers%n",
        workload.model(), batch, total);
  }
}
