package dev.tensile.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.callbacks.History;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Input;
import dev.tensile.optimizers.Adagrad;
import dev.tensile.optimizers.Adam;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.optimizers.RMSprop;
import dev.tensile.optimizers.SGD;
import dev.tensile.tensor.Tensor;
import dev.tensile.testing.Synthetic;
import dev.tensile.utils.Categorical;
import dev.tensile.utils.RandomSeed;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SequentialTrainingTest {
  private static final Tensor[] BLOBS = Synthetic.blobs(600, 4, 3, 17);
  private static final FitOptions QUIET = new FitOptions().verbose(0);

  private static Sequential blobModel() {
    return new Sequential(new Input(4), new Dense(16, "relu"), new Dense(3, "softmax"));
  }

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", (Supplier<Optimizer>) () -> new SGD(0.05)),
        Arguments.of("sgd nesterov",
            (Supplier<Optimizer>) () -> new SGD(0.01).momentum(0.9).nesterov(true)),
        Arguments.of("rmsprop", (Supplier<Optimizer>) RMSprop::new),
        Arguments.of("adagrad", (Supplier<Optimizer>) () -> new Adagrad(0.1)),
        Arguments.of("adam", (Supplier<Optimizer>) Adam::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void eachOptimizerLearnsSeparableClusters(String name, Supplier<Optimizer> optimizer) {
    RandomSeed.set(1);
    Sequential model = blobModel();
    model.compile(optimizer.get(), "sparse_categorical_crossentropy", "accuracy");
    History h = model.fit(BLOBS[0], BLOBS[1],
        new FitOptions().epochs(15).batchSize(32).verbose(0).seed(3));
    assertTrue(h.last("accuracy") > 0.95, name + " reached only " + h.last("accuracy"));
    assertTrue(h.get("loss").get(0) > h.last("loss"), name + " loss did not fall");
    double[] eval = model.evaluate(BLOBS[0], BLOBS[1], new EvaluateOptions().verbose(0));
    assertTrue(eval[1] > 0.95, name + " evaluate accuracy " + eval[1]);
  }

  @Test
  void oneHotTargetsWithCategoricalCrossentropyLearnToo() {
    RandomSeed.set(2);
    Sequential model = blobModel();
    model.compile("adam", "categorical_crossentropy", "accuracy");
    History h = model.fit(BLOBS[0], Categorical.toCategorical(BLOBS[1], 3),
        new FitOptions().epochs(10).verbose(0));
    assertTrue(h.last("accuracy") > 0.95);
  }

  @Test
  void binaryCrossentropyWithOneSigmoidUnit() {
    RandomSeed.set(3);
    int[] labels = BLOBS[1].toIntArray();
    float[] isZero = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      isZero[i] = labels[i] == 0 ? 1f : 0f;
    }
    Sequential model = new Sequential(new Input(4), new Dense(8, "tanh"), new Dense(1, "sigmoid"));
    model.compile("adam", "binary_crossentropy", "accuracy");
    History h = model.fit(BLOBS[0], Tensor.wrap(isZero, labels.length, 1),
        new FitOptions().epochs(10).verbose(0));
    assertTrue(h.last("accuracy") > 0.95, "binary accuracy " + h.last("accuracy"));
  }

  @Test
  void theSameSeedGivesBitwiseIdenticalTrainingAndAnotherSeedDoesNot() {
    List<Double> first = trainWithSeed(42);
    List<Double> again = trainWithSeed(42);
    List<Double> other = trainWithSeed(7);
    assertEquals(first, again);
    assertNotEquals(first, other);
  }

  private static List<Double> trainWithSeed(long seed) {
    RandomSeed.set(seed);
    Sequential model = blobModel();
    model.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
    History h = model.fit(BLOBS[0], BLOBS[1], new FitOptions().epochs(2).verbose(0));
    List<Double> trace = new java.util.ArrayList<>(h.get("loss"));
    for (Tensor w : model.getWeights()) {
      for (float v : w.data()) {
        trace.add((double) v);
      }
    }
    return trace;
  }

  @Test
  void epochLossIsTheSampleWeightedMeanOverBatchesIncludingTheShortLastOne() {
    RandomSeed.set(4);
    Sequential model = blobModel();
    // A step this small leaves float32 weights unchanged, so every batch sees the same model.
    model.compile(new SGD(1e-30), "sparse_categorical_crossentropy", "accuracy");
    Tensor x = BLOBS[0].rows(0, 70);
    Tensor y = BLOBS[1].rows(0, 70);
    History h = model.fit(x, y, new FitOptions().batchSize(32).verbose(0));
    double[] eval = model.evaluate(x, y, new EvaluateOptions().batchSize(70).verbose(0));
    assertEquals(eval[0], h.last("loss"), 1e-6);
    assertEquals(eval[1], h.last("accuracy"), 1e-12);
    assertEquals(3, h.params().get("steps"));
  }

  @Test
  void optimizerStateCarriesOverBetweenFitCalls() {
    RandomSeed.set(5);
    Sequential a = blobModel();
    Sequential b = blobModel();
    b.setWeights(a.getWeights());
    a.compile("adam", "sparse_categorical_crossentropy");
    b.compile("adam", "sparse_categorical_crossentropy");
    FitOptions inOrder = new FitOptions().shuffle(false).verbose(0);
    a.fit(BLOBS[0], BLOBS[1], new FitOptions().epochs(2).shuffle(false).verbose(0));
    b.fit(BLOBS[0], BLOBS[1], inOrder);
    b.fit(BLOBS[0], BLOBS[1], inOrder);
    for (int i = 0; i < a.getWeights().size(); i++) {
      assertArrayEquals(a.getWeights().get(i).data(), b.getWeights().get(i).data());
    }
    assertEquals(a.optimizer().iterations(), b.optimizer().iterations());
  }

  @Test
  void predictMatchesEvaluateAndDoesNotDependOnBatchSize() {
    RandomSeed.set(6);
    Sequential model = blobModel();
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    model.fit(BLOBS[0], BLOBS[1], QUIET);
    Tensor p32 = model.predict(BLOBS[0]);
    Tensor p7 = model.predict(BLOBS[0], new EvaluateOptions().batchSize(7).verbose(0));
    assertArrayEquals(new int[] {600, 3}, p32.shape());
    assertArrayEquals(p32.data(), p7.data());
    int[] predicted = p32.argmax();
    int[] truth = BLOBS[1].toIntArray();
    int right = 0;
    for (int i = 0; i < truth.length; i++) {
      right += predicted[i] == truth[i] ? 1 : 0;
    }
    double[] eval = model.evaluate(BLOBS[0], BLOBS[1], new EvaluateOptions().verbose(0));
    assertEquals(right / 600.0, eval[1], 1e-12);
  }

  @Test
  void validationSplitHoldsOutTheLastSamplesBeforeShuffling() {
    RandomSeed.set(8);
    Sequential model = blobModel();
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    History h = model.fit(BLOBS[0], BLOBS[1],
        new FitOptions().epochs(2).validationSplit(0.25).verbose(0));
    assertEquals(List.of("accuracy", "loss", "val_accuracy", "val_loss"),
        List.copyOf(h.history().keySet()));
    double[] eval = model.evaluate(BLOBS[0].rows(450, 600), BLOBS[1].rows(450, 600),
        new EvaluateOptions().verbose(0));
    assertEquals(eval[0], h.last("val_loss"), 1e-9);
    assertEquals(eval[1], h.last("val_accuracy"), 1e-12);
    assertEquals(Math.ceil(450 / 32.0), ((Integer) h.params().get("steps")).doubleValue());
  }
}
