package dev.tensile.examples;

import dev.tensile.datasets.Dataset;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.util.Arrays;

/**
 * A yes/no question, "is it footwear?" (sandal, sneaker or ankle boot), answered by one sigmoid
 * unit trained with binary crossentropy. Run it with {@code mvn -q test-compile exec:java
 * -Dexample=BinaryClassification}.
 */
public final class BinaryClassification {
  private static final int SANDAL = 5;
  private static final int SNEAKER = 7;
  private static final int ANKLE_BOOT = 9;

  private BinaryClassification() {}

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
    Sequential model = new Sequential(
        new Input(28, 28), new Flatten(), new Dense(32, "relu"), new Dense(1, "sigmoid"));
    model.compile("adam", "binary_crossentropy", "accuracy");
    model.fit(data.xTrain().div(255f), isFootwear(data.yTrain()),
        new FitOptions().epochs(options.epochsOr(3)));
    double[] result = model.evaluate(data.xTest().div(255f), isFootwear(data.yTest()));
    System.out.println("test loss and accuracy: " + Arrays.toString(result));
  }

  /** Turns class labels into targets of shape (n, 1): 1 for footwear, 0 otherwise. */
  static Tensor isFootwear(Tensor labels) {
    int[] y = labels.toIntArray();
    float[] out = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i] == SANDAL || y[i] == SNEAKER || y[i] == ANKLE_BOOT ? 1f : 0f;
    }
    return Tensor.wrap(out, y.length, 1);
  }
}
