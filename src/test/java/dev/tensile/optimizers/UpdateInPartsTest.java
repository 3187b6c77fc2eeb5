package dev.tensile.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.engine.vector.VectorEngine;
import dev.tensile.tensor.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A weight large enough to be updated in parts on the engine's threads comes out with the same
 * bits, on one, two or three threads (an uneven split), as the same values cut into smaller
 * weights that are updated whole: for every built-in rule and variant, with a small weight beside
 * it.
 */
class UpdateInPartsTest {
  /** Over the split threshold, and not a multiple of a part or of a vector. */
  private static final int LARGE =
      ElementwiseOptimizer.SPLIT_AT + 3 * ElementwiseOptimizer.PART / 2 + 5;

  private static final List<Supplier<Optimizer>> RULES = List.of(
      () -> new Adam(1e-3),
      () -> new Adam(1e-3).amsgrad(true),
      () -> new RMSprop(1e-3),
      () -> new RMSprop(1e-3).momentum(0.5).centered(true),
      () -> new SGD(0.01),
      () -> new SGD(0.01).momentum(0.9).nesterov(true),
      () -> new Adagrad(0.01));

  /**
   * Three steps of one rule on the large weight and the small one, from the same random values;
   * with {@code slices > 1} the large weight is cut into that many variables, each below the
   * split threshold and so updated whole, and put together again afterwards.
   */
  private static List<float[]> train(Optimizer optimizer, MatrixEngine engine, int slices) {
    MatrixEngine previous = Engines.current();
    Engines.use(engine);
    try {
      SplittableRandom random = new SplittableRandom(3);
      float[] large = new float[LARGE];
      float[] small = new float[37];
      fill(large, random);
      fill(small, random);
      List<Variable> vars = new ArrayList<>();
      int[] starts = new int[slices + 1];
      for (int s = 0; s <= slices; s++) {
        starts[s] = (int) ((long) LARGE * s / slices);
      }
      for (int s = 0; s < slices; s++) {
        Variable slice = new Variable("slice" + s, starts[s + 1] - starts[s]);
        System.arraycopy(large, starts[s], slice.value(), 0, slice.value().length);
        vars.add(slice);
      }
      Variable smallVar = new Variable("small", small.length);
      System.arraycopy(small, 0, smallVar.value(), 0, small.length);
      vars.add(smallVar);
      float[] g = new float[LARGE];
      for (int step = 0; step < 3; step++) {
        fill(g, random);
        for (int s = 0; s < slices; s++) {
          float[] sliceGradient = vars.get(s).gradient();
          System.arraycopy(g, starts[s], sliceGradient, 0, sliceGradient.length);
        }
        fill(smallVar.gradient(), random);
        optimizer.apply(vars);
      }
      for (int s = 0; s < slices; s++) {
        float[] value = vars.get(s).value();
        System.arraycopy(value, 0, large, starts[s], value.length);
      }
      return List.of(large, smallVar.value());
    } finally {
      Engines.use(previous);
    }
  }

  private static void fill(float[] x, SplittableRandom random) {
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble(-1, 1);
    }
  }

  @Test
  void partsOnOneToThreeThreadsGiveTheBitsOfSmallWeightsUpdatedWhole() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "needs the Vector API module");
    for (Supplier<Optimizer> rule : RULES) {
      List<float[]> sliced = train(rule.get(), new VectorEngine(1), 8);
      String name = rule.get().toString();
      for (int threads = 1; threads <= 3; threads++) {
        List<float[]> parts = train(rule.get(), new VectorEngine(threads), 1);
        for (int i = 0; i < parts.size(); i++) {
          assertArrayEquals(sliced.get(i), parts.get(i),
              name + ", weight " + i + ", " + threads + " thread(s)");
        }
      }
    }
  }

  @Test
  void everyBuiltInRuleUpdatesInParts() {
    for (Supplier<Optimizer> rule : RULES) {
      Optimizer optimizer = rule.get();
      assertTrue(optimizer instanceof ElementwiseOptimizer, optimizer + " is element-wise");
    }
  }
}
