package dev.tensile.examples;

import dev.tensile.datasets.Dataset;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.Categorical;
import dev.tensile.utils.RandomSeed;
import java.util.Arrays;

/**
 * The relu model trained on one-hot targets with categorical crossentropy, Keras's {@code
 * to_categorical} followed by {@code loss="categorical_crossentropy"}; {@code "accuracy"} then
 * resolves to categorical accuracy. Run it with {@code mvn -q test-compile exec:java
 * -Dexample=OneHotTargets}.
 */
public final class OneHotTargets {
  private OneHotTargets() {}

  /**
   * Runs the example.
   *
   * @param args {@code --subset}, {@code --epochs N}, {@code --seed N} (42 by default)
   */
  public static void main(String[] args) {
    ExampleArgs options = ExampleArgs.parse(args);
    long seed = options.seedOr(42);
    RandomSeed.set(seed);
    Dataset data = options.loadFashionMnist();
    Tensor yTrain = Categorical.toCategorical(data.yTrain(), 10);
    Tensor yTest = Categorical.toCategorical(data.yTest(), 10);
    System.out.println("one-hot targets: " + yTrain.shapeString() + ", first row "
        + Arrays.toString(yTrain.rows(0, 1).toArray()));

    Sequential model = TutorialModels.reluHidden();
    model.compile("adam", "categorical_crossentropy", "accuracy");
    model.fit(data.xTrain().div(255f), yTrain, new FitOptions().epochs(options.epochsOr(3)));
    double[] result = model.evaluate(data.xTest().div(255f), yTest);
    System.out.println("test loss and accuracy: " + Arrays.toString(result));
  }
}
