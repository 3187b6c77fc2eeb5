package dev.tensile.examples;

import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.FashionMnist;
import dev.tensile.datasets.ImageGrid;
import dev.tensile.datasets.Split;
import dev.tensile.datasets.TrainTestSplit;
import dev.tensile.engine.Engines;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adagrad;
import dev.tensile.optimizers.RMSprop;
import dev.tensile.optimizers.SGD;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The classic Keras Fashion-MNIST tutorial, top to bottom, in Java: load the data, look at it,
 * scale and split it, then train softmax regression, a sigmoid hidden layer, a relu hidden layer
 * and the same with Adam, each for 5 epochs at batch 32; then the optimizer section, one model per
 * way to compile. It ends with a Markdown table of the results beside the tutorial's.
 *
 * <p>Run it with {@code mvn -q test-compile exec:java}.
 */
public final class FashionMnistTutorial {
  private static final String LOSS = "sparse_categorical_crossentropy";

  private FashionMnistTutorial() {}

  /**
   * Runs the tutorial.
   *
   * @param args {@code --subset}, {@code --epochs N}, {@code --out DIR},
   *     {@code --seed N} (42 by default)
   * @throws IOException if the picture cannot be written
   */
  public static void main(String[] args) throws IOException {
    ExampleArgs options = ExampleArgs.parse(args);
    int epochs = options.epochsOr(5);
    long seed = options.seedOr(42);
    RandomSeed.set(seed); // keras.utils.set_random_seed(42)
    System.out.println("Tensile, matrix engine: " + Engines.current().name());

    heading("Load Fashion-MNIST: (X_train_full, y_train_full), (X_test, y_test) = load_data()");
    Dataset data = options.loadFashionMnist();
    Tensor xTrainFull = data.xTrain();
    Tensor yTrainFull = data.yTrain();
    System.out.println(xTrainFull.shapeString() + " " + yTrainFull.shapeString());

    heading("The first ten images and their labels");
    Path png = options.outputFile("fashion-mnist-first-ten.png");
    Tensor firstTen = yTrainFull.rows(0, 10);
    ImageGrid.save(png, xTrainFull, 10, 10, FashionMnist.captions(firstTen), 3);
    System.out.println("Saved the first ten training images to " + png.toAbsolutePath());
    System.out.println(Arrays.toString(firstTen.toIntArray()));
    System.out.println(Arrays.toString(FashionMnist.captions(firstTen)));

    heading("Scale pixels to [0, 1]; hold out 20% for validation (random_state=42)");
    Split split = TrainTestSplit.split(xTrainFull.div(255f), yTrainFull, 0.2, seed);
    Tensor xTrain = split.xTrain();
    Tensor xValid = split.xTest();
    Tensor yTrain = split.yTrain();
    Tensor yValid = split.yTest();
    Tensor xTest = data.xTest().div(255f);
    System.out.println(xTrain.shapeString() + " " + xValid.shapeString());

    Experiment experiment =
        new Experiment(xTrain, yTrain, xValid, yValid, xTest, data.yTest(), epochs);

    heading("1. Softmax regression: Dense(10, softmax) on 784 inputs");
    Sequential softmax = TutorialModels.softmaxRegression();
    softmax.summary();
    // compile(loss=..., metrics=...) without an optimizer means RMSprop in Keras: "rmsprop" here.
    softmax.compile("rmsprop", LOSS, "accuracy");
    experiment.run("softmax regression", softmax, "0.845");

    heading("2. A hidden layer of 100 sigmoid units");
    Sequential sigmoid = TutorialModels.sigmoidHidden();
    sigmoid.summary(); // as the tutorial does: it names this model sequential_1, dense_1, dense_2
    sigmoid.compile("rmsprop", LOSS, "accuracy");
    experiment.run("100 sigmoid units", sigmoid, "-");

    heading("3. Flatten on 28x28 input, then 100 relu units");
    Sequential relu = TutorialModels.reluHidden();
    relu.summary();
    relu.compile("rmsprop", LOSS, "accuracy");
    experiment.run("Flatten + 100 relu units", relu, "0.874");

    heading("4. The same with Adam");
    Sequential adam = TutorialModels.reluHidden();
    adam.compile("adam", LOSS, "accuracy");
    experiment.run("Flatten + 100 relu units, Adam", adam, "0.878");

    heading("Optimizers: each way to compile the relu model");
    withOptimizer(experiment, "\"sgd\"", m -> m.compile("sgd", LOSS, "accuracy"));
    withOptimizer(experiment, "SGD(learning_rate=0.01)",
        m -> m.compile(new SGD(0.01), LOSS, "accuracy"));
    withOptimizer(experiment, "SGD(learning_rate=0.01, momentum=0.9, nesterov=True)",
        m -> m.compile(new SGD(0.01).momentum(0.9).nesterov(true), LOSS, "accuracy"));
    withOptimizer(experiment, "Adagrad(learning_rate=0.001)",
        m -> m.compile(new Adagrad(0.001), LOSS, "accuracy"));
    withOptimizer(experiment, "RMSprop(learning_rate=0.001, rho=0.9)",
        m -> m.compile(new RMSprop(0.001).rho(0.9), LOSS, "accuracy"));
    withOptimizer(experiment, "\"adam\"", m -> m.compile("adam", LOSS, "accuracy"));

    heading(
        "Results (" + epochs + (epochs == 1 ? " epoch" : " epochs") + ", batch 32; "
            + data.source() + ")");
    System.out.print(experiment.markdownTable());
  }

  private static void withOptimizer(
      Experiment experiment, String label, Consumer<Sequential> compile) {
    System.out.println();
    System.out.println("# optimizer=" + label);
    Sequential model = TutorialModels.reluHidden();
    compile.accept(model);
    experiment.run("relu, " + label, model, "-");
  }

  private static void heading(String title) {
    System.out.println();
    System.out.println("## " + title);
  }
}
