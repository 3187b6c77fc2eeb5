package dev.tensile.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.optimizers.SGD;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every kind of bad input fails with a message naming the problem and leaves the model as is. */
class BadInputTest {
  private static final Tensor X = Tensor.of(new float[12], 3, 4);
  private static final Tensor Y = Tensor.ofLabels(new int[] {0, 1, 2});

  private static Sequential compiled() {
    Sequential model = new Sequential(new Input(4), new Dense(3, "softmax"));
    model.compile("sgd", "sparse_categorical_crossentropy", "accuracy");
    return model;
  }

  /** Asserts the call fails with a message holding every fragment, and weights are unchanged. */
  private static void fails(Sequential model, Executable call, String... fragments) {
    List<Tensor> before = model.isBuilt() ? model.getWeights() : List.of();
    Throwable e = assertThrows(RuntimeException.class, call);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
    }
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i).data(), model.getWeights().get(i).data());
    }
  }

  @Test
  void fitEvaluateOrPredictBeforeCompile() {
    Sequential model = new Sequential(new Input(4), new Dense(3, "softmax"));
    fails(model, () -> model.fit(X, Y), "compile()", "fit");
    fails(model, () -> model.evaluate(X, Y), "compile()", "evaluate");
  }

  @Test
  void sampleCountsDiffer() {
    Sequential m = compiled();
    fails(m, () -> m.fit(X, Tensor.ofLabels(new int[] {0, 1})), "3", "2", "same number");
  }

  @Test
  void inputShapeDoesNotMatch() {
    Sequential m = compiled();
    fails(m, () -> m.fit(Tensor.of(new float[15], 3, 5), Y), "dense", "(None, 4)", "(3, 5)",
        "axis 1");
    Sequential flat = new Sequential(new Input(28, 28), new Flatten(), new Dense(10, "softmax"));
    flat.compile("adam", "sparse_categorical_crossentropy");
    fails(flat, () -> flat.predict(Tensor.of(new float[2 * 784], 2, 784)), "flatten",
        "(None, 28, 28)", "(2, 784)", "reshape");
  }

  @Test
  void labelsOutOfRangeOrNotWhole() {
    Sequential m = compiled();
    fails(m, () -> m.fit(X, Tensor.ofLabels(new int[] {0, 3, 1})), "3.0", "[0, 3)");
    fails(m, () -> m.fit(X, Tensor.of(new float[] {0, 1.5f, 1}, 3)), "1.5");
    fails(m, () -> m.fit(X, Tensor.ofLabels(new int[] {0, -1, 1})), "-1.0");
  }

  @Test
  void oneHotTargetsOfTheWrongWidth() {
    Sequential m = new Sequential(new Input(4), new Dense(3, "softmax"));
    m.compile("sgd", "categorical_crossentropy");
    fails(m, () -> m.fit(X, Tensor.of(new float[12], 3, 4)), "(None, 3)", "(3, 4)");
  }

  @Test
  void nanOrInfinityInTheData() {
    Sequential m = compiled();
    float[] bad = new float[12];
    bad[5] = Float.NaN;
    fails(m, () -> m.fit(Tensor.wrap(bad, 3, 4), Y), "NaN", "sample 1");
    float[] inf = new float[12];
    inf[11] = Float.POSITIVE_INFINITY;
    fails(m, () -> m.evaluate(Tensor.wrap(inf, 3, 4), Y), "Infinity", "sample 2");
  }

  @Test
  void emptyData() {
    Sequential m = compiled();
    fails(m, () -> m.fit(Tensor.of(new float[0], 0, 4), Tensor.of(new float[0], 0)), "empty");
  }

  @Test
  void optionsOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> new FitOptions().batchSize(0));
    assertThrows(IllegalArgumentException.class, () -> new FitOptions().epochs(0));
    assertThrows(IllegalArgumentException.class, () -> new FitOptions().verbose(3));
    assertThrows(IllegalArgumentException.class, () -> new FitOptions().validationSplit(1.0));
    assertThrows(IllegalArgumentException.class, () -> new EvaluateOptions().batchSize(-1));
    Sequential m = compiled();
    fails(m, () -> m.fit(X, Y, new FitOptions().validationSplit(0.7).verbose(0)),
        "no training or no validation");
  }

  @Test
  void unknownIdentifiersListTheValidOnes() {
    Sequential m = new Sequential(new Input(4), new Dense(3, "softmax"));
    fails(m, () -> m.compile("adamw2", "sparse_categorical_crossentropy"), "adamw2", "rmsprop");
    fails(m, () -> m.compile("adam", "mse2"), "mse2", "categorical_crossentropy");
    fails(m, () -> m.compile("adam", "sparse_categorical_crossentropy", "precision"),
        "precision", "accuracy");
    fails(m, () -> new Dense(3, "gelu2"), "gelu2", "relu");
  }

  @Test
  void setWeightsWithTheWrongCountOrShapes() {
    Sequential m = compiled();
    fails(m, () -> m.setWeights(List.of(Tensor.zeros(4, 3))), "2 weights", "got 1");
    fails(m, () -> m.setWeights(List.of(Tensor.zeros(3, 4), Tensor.zeros(3))), "(4, 3)",
        "(3, 4)");
  }

  @Test
  void aLossThatBecomesNanStopsWithTheEpochAndBatch() {
    // Whether the loss overflows to NaN or to a finite clipped value depends on the initial
    // weights' signs, so fix them instead of inheriting the global seed from earlier tests.
    RandomSeed.set(3);
    Sequential m = new Sequential(new Input(4), new Dense(3));
    m.compile(new SGD(1e30), "sparse_categorical_crossentropy");
    float[] big = new float[12];
    java.util.Arrays.fill(big, 1e20f);
    Tensor y = Tensor.ofLabels(new int[] {0, 1, 2});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> m.fit(Tensor.wrap(big, 3, 4), y,
            new FitOptions().epochs(3).batchSize(1).verbose(0).shuffle(false)));
    assertTrue(e.getMessage().contains("epoch 1, batch"), e.getMessage());
  }
}
