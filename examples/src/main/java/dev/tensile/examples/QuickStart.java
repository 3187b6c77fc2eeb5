package dev.tensile.examples;

import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.FashionMnist;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import java.util.Arrays;

/**
 * The shortest complete program: load data, build and train a model, evaluate it, and predict the
 * class of one image. Run it with {@code mvn -q test-compile exec:java -Dexample=QuickStart}.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the example.
   *
   * @param args {@code --subset}, {@code --epochs N}
   */
  public static void main(String[] args) {
    ExampleArgs options = ExampleArgs.parse(args);
    Dataset data = options.loadFashionMnist();
    Tensor xTrain = data.xTrain().div(255f);
    Tensor xTest = data.xTest().div(255f);

    Sequential model = new Sequential(
        new Input(28, 28), new Flatten(), new Dense(100, "relu"), new Dense(10, "softmax"));
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    model.fit(xTrain, data.yTrain(), new FitOptions().epochs(options.epochsOr(5)));
    double[] lossAndAccuracy = model.evaluate(xTest, data.yTest());
    System.out.println("test loss and accuracy: " + Arrays.toString(lossAndAccuracy));

    Tensor probabilities = model.predict(xTest.rows(0, 1));
    int predicted = probabilities.argmax()[0];
    int actual = (int) data.yTest().get(0);
    System.out.println("first test image: predicted " + FashionMnist.CLASS_NAMES.get(predicted)
        + ", actually " + FashionMnist.CLASS_NAMES.get(actual));
  }
}
