package dev.tensile.examples;

import dev.tensile.callbacks.EarlyStopping;
import dev.tensile.callbacks.History;
import dev.tensile.callbacks.ModelCheckpoint;
import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.Split;
import dev.tensile.datasets.TrainTestSplit;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.utils.RandomSeed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The tutorial's next chapter: the relu model with dropout, trained while watching the
 * validation loss, stopped early with the best weights kept, checkpointed to a file, its learning
 * curves drawn, and the best model loaded back and evaluated. Run it with {@code mvn -q
 * -DskipTests package exec:java -Dexample=TrainingBeyondTheTutorial}.
 */
public final class TrainingBeyondTheTutorial {
  private TrainingBeyondTheTutorial() {}

  /**
   * Runs the example.
   *
   * @param args {@code --subset}, {@code --epochs N}, {@code --out DIR},
   *     {@code --seed N} (42 by default)
   * @throws IOException if a file cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    ExampleArgs options = ExampleArgs.parse(args);
    long seed = options.seedOr(42);
    RandomSeed.set(seed);
    Dataset data = options.loadFashionMnist();
    Split split = TrainTestSplit.split(data.xTrain().div(255f), data.yTrain(), 0.2, seed);

    Sequential model = new Sequential(
        new Input(28, 28),
        new Flatten(),
        new Dense(100, "relu"),
        new Dropout(0.3),
        new Dense(10, "softmax"));
    model.summary();
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");

    Path best = options.outputFile("best-model.keras");
    EarlyStopping earlyStopping = new EarlyStopping().patience(2).restoreBestWeights(true);
    ModelCheckpoint checkpoint = new ModelCheckpoint(best).saveBestOnly(true).verbose(1);
    History history = model.fit(split.xTrain(), split.yTrain(),
        new FitOptions()
            .epochs(options.epochsOr(20))
            .validationData(split.xTest(), split.yTest())
            .callbacks(earlyStopping, checkpoint));
    if (earlyStopping.stoppedEpoch() > 0) {
      System.out.println("Stopped early after epoch " + (earlyStopping.stoppedEpoch() + 1)
          + "; the best epoch was " + (earlyStopping.bestEpoch() + 1));
    }

    Path curves = options.outputFile("learning-curves.png");
    LearningCurves.save(history, curves);
    Path csv = options.outputFile("history.csv");
    history.writeCsv(csv);
    System.out.println("Learning curves: " + curves.toAbsolutePath());
    System.out.println("History as CSV: " + csv.toAbsolutePath());

    Sequential reloaded = Sequential.load(best);
    System.out.println("Reloaded the best model from " + best.toAbsolutePath());
    double[] test = reloaded.evaluate(data.xTest().div(255f), data.yTest());
    System.out.println("test loss and accuracy: " + Arrays.toString(test));
  }
}
