package dev.tensile.examples;

import dev.tensile.callbacks.EarlyStopping;
import dev.tensile.callbacks.History;
import dev.tensile.callbacks.ModelCheckpoint;
import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.FashionMnist;
import dev.tensile.datasets.Split;
import dev.tensile.layers.Layer;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The convolution chapter end to end: Fashion-MNIST as {@code (n, 28, 28, 1)} images, the
 * chapter's CNN, Adam, training with a checkpoint of the best model and early stopping, the best
 * model reloaded and evaluated on validation and test data beside the chapter's numbers, one
 * prediction, and pictures of the first layer's kernels and of one image's feature maps. Run it
 * with {@code mvn -q -DskipTests package exec:java -Dexample=FashionMnistCnn}.
 */
public final class FashionMnistCnn {
  private FashionMnistCnn() {}

  /**
   * Runs the example.
   *
   * @param args {@code --subset}, {@code --epochs N}, {@code --out DIR}, {@code --order FILE},
   *     {@code --seed N} (42 by default)
   * @throws IOException if a file cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    ExampleArgs options = ExampleArgs.parse(args);
    long seed = options.seedOr(42);
    RandomSeed.set(seed);
    Dataset data = options.loadFashionMnist();
    // train_scaled = train_input.reshape(-1, 28, 28, 1) / 255.0
    Tensor images = data.xTrain().reshape(-1, 28, 28, 1).div(255f);
    Split split = options.validationSplit(images, data.yTrain(), seed);
    Tensor testScaled = data.xTest().reshape(-1, 28, 28, 1).div(255f);

    Sequential model = ChapterCnn.model();
    model.summary();
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");

    Path best = options.outputFile("best-cnn-model.keras");
    ModelCheckpoint checkpoint = new ModelCheckpoint(best).saveBestOnly(true);
    EarlyStopping earlyStopping = new EarlyStopping().patience(2).restoreBestWeights(true);
    EpochTimer timer = new EpochTimer();
    History history = model.fit(split.xTrain(), split.yTrain(),
        new FitOptions()
            .epochs(options.epochsOr(20))
            .validationData(split.xTest(), split.yTest())
            .callbacks(checkpoint, earlyStopping, timer));
    if (earlyStopping.stoppedEpoch() > 0) {
      System.out.println("Stopped early after epoch " + (earlyStopping.stoppedEpoch() + 1)
          + "; the best epoch was " + (earlyStopping.bestEpoch() + 1));
    }
    System.out.printf("median epoch: %.1f s, validation included%n", timer.medianSeconds());
    Path curves = options.outputFile("cnn-learning-curves.png");
    LearningCurves.save(history, curves);

    double[] val = model.evaluate(split.xTest(), split.yTest());
    System.out.printf("validation accuracy %.4f (the chapter: about 0.92)%n", val[1]);

    Tensor first = split.xTest().rows(0, 1);
    Tensor probabilities = model.predict(first);
    int guess = probabilities.argmax()[0];
    System.out.println("first validation image: predicted " + FashionMnist.CLASS_NAMES.get(guess)
        + " with probability " + String.format("%.4f", probabilities.get(0, guess))
        + ", labelled " + FashionMnist.CLASS_NAMES.get(split.yTest().toIntArray()[0]));

    Sequential reloaded = Sequential.load(best);
    System.out.println("Reloaded the best model from " + best.toAbsolutePath());
    double[] test = reloaded.evaluate(testScaled, data.yTest());
    System.out.printf("test accuracy %.4f (the chapter: about 0.9125)%n", test[1]);

    // Seeing inside: the first convolution's kernels (3, 3, 1, 32) and the feature maps of the
    // first validation image after each convolution, as keras.Model(model.inputs,
    // model.layers[k].output).predict(x) gives them.
    Layer conv = reloaded.layers().get(0);
    Tensor kernel = conv.weights().get(0).toTensor();
    System.out.println(conv.weights().get(0).name() + " " + kernel.shapeString());
    Path kernels = options.outputFile("cnn-kernels.png");
    FeatureMapPictures.kernels(kernel, kernels, 16);
    Path maps1 = options.outputFile("cnn-feature-maps-1.png");
    FeatureMapPictures.featureMaps(reloaded.layerOutput(0, first), maps1, 8);
    Path maps2 = options.outputFile("cnn-feature-maps-2.png");
    FeatureMapPictures.featureMaps(reloaded.layerOutput(2, first), maps2, 8);
    System.out.println("Pictures: " + kernels.toAbsolutePath() + ", " + maps1.toAbsolutePath()
        + ", " + maps2.toAbsolutePath() + ", " + curves.toAbsolutePath());
  }
}
