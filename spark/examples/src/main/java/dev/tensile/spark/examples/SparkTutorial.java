package dev.tensile.spark.examples;

import dev.tensile.callbacks.History;
import dev.tensile.data.Sample;
import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.FashionMnist;
import dev.tensile.datasets.Split;
import dev.tensile.datasets.TrainTestSplit;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.models.EvaluateOptions;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.spark.SparkFitOptions;
import dev.tensile.spark.SparkTrainer;
import dev.tensile.tensor.Tensor;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The tutorial's relu model (Flatten, 100 relu units, 10 softmax units, RMSprop) trained on
 * Fashion-MNIST by Spark in local mode, one replica per partition, with the weights and RMSprop's
 * state averaged every {@code --period} steps; then, with {@code --local}, the same model trained
 * in one JVM for comparison. It prints each epoch as Keras's verbose=2 does, then accuracy,
 * throughput and what the averaging rounds cost.
 *
 * <p>Run it with {@code mvn -q -f spark/pom.xml test-compile exec:exec} (add {@code
 * -Dexample.args="--partitions 2 --epochs 5 --period 32 --local"} to change the defaults shown).
 */
public final class SparkTutorial {
  private SparkTutorial() {}

  /**
   * Runs the example.
   *
   * @param args {@code --partitions N}, {@code --epochs N}, {@code --period N}, {@code --local},
   *     {@code --subset}
   */
  public static void main(String[] args) {
    int partitions = 2;
    int epochs = 5;
    int period = SparkFitOptions.DEFAULT_AVERAGING_PERIOD;
    boolean local = false;
    boolean subset = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--period" -> period = Integer.parseInt(args[++i]);
        case "--local" -> local = true;
        case "--subset" -> subset = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; expected --partitions N, --epochs N, --period N, --local or --subset");
      }
    }
    Dataset data = subset ? FashionMnist.loadBundledSubset() : FashionMnist.loadDataOrSubset();
    Split split = TrainTestSplit.split(data.xTrain().div(255f), data.yTrain(), 0.2, 42);
    Tensor xTest = data.xTest().div(255f);
    int n = split.xTrain().samples();

    SparkSession spark = SparkSession.builder().master("local[" + partitions + "]")
        .appName("tensile-spark-tutorial").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    try {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      JavaRDD<Sample> samples = SparkTrainer.samples(sc, split.xTrain(), split.yTrain(), partitions);
      Sequential model = reluModel();
      List<Tensor> initial = model.getWeights();
      SparkTrainer trainer = new SparkTrainer(new SparkFitOptions().epochs(epochs)
          .averagingPeriod(period).seed(42).validationData(split.xTest(), split.yTest()));
      System.out.println("Spark local[" + partitions + "], " + partitions + " partitions of about "
          + n / partitions + " samples, averaging every " + period + " steps");
      long start = System.nanoTime();
      History history = trainer.fit(model, samples);
      double seconds = (System.nanoTime() - start) / 1e9;
      SparkTrainer.RunStats stats = trainer.lastRun();
      double test = model.evaluate(xTest, data.yTest(), new EvaluateOptions().verbose(0))[1];
      System.out.printf(Locale.ROOT,
          "spark: val accuracy %.4f, test accuracy %.4f; %.1f s in all, %.1f s in %d rounds:"
              + " %.0f samples/s; %.1f ms a round besides training; %.2f MB of state each way"
              + " per replica and round%n",
          history.last("val_accuracy"), test, seconds, stats.seconds(), stats.rounds(),
          (double) n * epochs / stats.seconds(), stats.overheadPerRound() * 1e3,
          stats.stateBytes() / 1e6);
      if (local) {
        Sequential single = reluModel();
        single.setWeights(initial);
        long t0 = System.nanoTime();
        History h = single.fit(split.xTrain(), split.yTrain(), new FitOptions().epochs(epochs)
            .seed(42).verbose(2).validationData(split.xTest(), split.yTest()));
        double s = (System.nanoTime() - t0) / 1e9;
        double localTest =
            single.evaluate(xTest, data.yTest(), new EvaluateOptions().verbose(0))[1];
        System.out.printf(Locale.ROOT,
            "one JVM: val accuracy %.4f, test accuracy %.4f; %.1f s: %.0f samples/s%n",
            h.last("val_accuracy"), localTest, s, (double) n * epochs / s);
      }
    } finally {
      spark.stop();
    }
  }

  private static Sequential reluModel() {
    Sequential model = new Sequential(
        new Input(28, 28), new Flatten(), new Dense(100, "relu"), new Dense(10, "softmax"));
    model.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
    return model;
  }
}
