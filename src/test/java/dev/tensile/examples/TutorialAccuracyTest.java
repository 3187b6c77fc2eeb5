package dev.tensile.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.RealFashionMnist;
import dev.tensile.datasets.Split;
import dev.tensile.datasets.TrainTestSplit;
import dev.tensile.models.EvaluateOptions;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tutorial's four models on the real Fashion-MNIST split (seed 42, 5 epochs, batch 32) must
 * reach the tutorial's validation accuracy. Each is skipped, by name, when the data set is absent,
 * except under CI (CI=true), where missing data fails.
 */
class TutorialAccuracyTest {
  private static Split split;

  /** The tutorial's split of the real data; where the data is missing, the calling test is skipped. */
  private static synchronized Split split() {
    Dataset data = RealFashionMnist.require();
    if (split == null) {
      split = TrainTestSplit.split(data.xTrain().div(255f), data.yTrain(), 0.2, 42);
    }
    return split;
  }

  /** Trains a model built right after {@code RandomSeed.set(42)}; returns its val_accuracy. */
  private static double validationAccuracy(Sequential model, String optimizer) {
    Split split = split();
    model.compile(optimizer, "sparse_categorical_crossentropy", "accuracy");
    Tensor xTrain = Experiment.shapedFor(model, split.xTrain());
    Tensor xValid = Experiment.shapedFor(model, split.xTest());
    model.fit(xTrain, split.yTrain(), new FitOptions().epochs(5).batchSize(32).verbose(0));
    return model.evaluate(xValid, split.yTest(), new EvaluateOptions().verbose(0))[1];
  }

  static Stream<Arguments> tutorialModels() {
    return Stream.of(
        Arguments.of("softmax regression", (Supplier<Sequential>) TutorialModels::softmaxRegression,
            "rmsprop", 0.835),
        Arguments.of("sigmoid hidden layer", (Supplier<Sequential>) TutorialModels::sigmoidHidden,
            "rmsprop", 0.855),
        Arguments.of("relu hidden layer", (Supplier<Sequential>) TutorialModels::reluHidden,
            "rmsprop", 0.86),
        Arguments.of("relu with Adam", (Supplier<Sequential>) TutorialModels::reluHidden,
            "adam", 0.86));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tutorialModels")
  void reachesTheTutorialsValidationAccuracy(
      String name, Supplier<Sequential> model, String optimizer, double bar) {
    RandomSeed.set(42);
    double acc = validationAccuracy(model.get(), optimizer);
    assertTrue(acc >= bar, name + " val_accuracy " + acc + " is below " + bar);
  }
}
