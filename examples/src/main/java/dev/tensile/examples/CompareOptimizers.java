package dev.tensile.examples;

import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.Split;
import dev.tensile.datasets.TrainTestSplit;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adagrad;
import dev.tensile.optimizers.Adam;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.optimizers.RMSprop;
import dev.tensile.optimizers.SGD;
import dev.tensile.utils.RandomSeed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Trains the tutorial's relu model with each optimizer and prints a comparison table. Run it with
 * {@code mvn -q test-compile exec:java -Dexample=CompareOptimizers}.
 */
public final class CompareOptimizers {
  private CompareOptimizers() {}

  /**
   * Runs the comparison.
   *
   * @param args {@code --subset}, {@code --epochs N}, {@code --seed N} (42 by default)
   */
  public static void main(String[] args) {
    ExampleArgs options = ExampleArgs.parse(args);
    long seed = options.seedOr(42);
    RandomSeed.set(seed);
    Dataset data = options.loadFashionMnist();
    Split split = TrainTestSplit.split(data.xTrain().div(255f), data.yTrain(), 0.2, seed);
    Experiment experiment = new Experiment(split.xTrain(), split.yTrain(), split.xTest(),
        split.yTest(), data.xTest().div(255f), data.yTest(), options.epochsOr(5));

    Map<String, Supplier<Optimizer>> optimizers = new LinkedHashMap<>();
    optimizers.put("SGD(0.01)", () -> new SGD(0.01));
    optimizers.put("SGD(0.01, momentum=0.9)", () -> new SGD(0.01).momentum(0.9));
    optimizers.put("SGD(0.01, momentum=0.9, nesterov)",
        () -> new SGD(0.01).momentum(0.9).nesterov(true));
    optimizers.put("RMSprop()", RMSprop::new);
    optimizers.put("Adagrad(0.01)", () -> new Adagrad(0.01));
    optimizers.put("Adam()", Adam::new);
    for (Map.Entry<String, Supplier<Optimizer>> e : optimizers.entrySet()) {
      System.out.println();
      System.out.println("# " + e.getKey());
      Sequential model = TutorialModels.reluHidden();
      model.compile(e.getValue().get(), "sparse_categorical_crossentropy", "accuracy");
      experiment.run(e.getKey(), model, "-");
    }
    System.out.println();
    System.out.print(experiment.markdownTable());
  }
}
