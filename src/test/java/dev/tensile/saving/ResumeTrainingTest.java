package dev.tensile.saving;

import static dev.tensile.saving.Fixtures.BLOBS;
import static dev.tensile.saving.Fixtures.fit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tensile.callbacks.History;
import dev.tensile.layers.Dropout;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adagrad;
import dev.tensile.optimizers.Adam;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.optimizers.RMSprop;
import dev.tensile.optimizers.SGD;
import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training one epoch, saving, loading and training on equals training without the interruption, bit
 * for bit: the optimizer's state, its step count and the dropout masks all carry over.
 */
class ResumeTrainingTest {
  @TempDir Path dir;

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", (Supplier<Optimizer>) () -> new SGD(0.05)),
        Arguments.of(
            "sgd momentum clipnorm",
            (Supplier<Optimizer>) () -> new SGD(0.05).momentum(0.9).clipnorm(0.5)),
        Arguments.of(
            "sgd nesterov", (Supplier<Optimizer>) () -> new SGD(0.02).momentum(0.8).nesterov(true)),
        Arguments.of("rmsprop", (Supplier<Optimizer>) () -> new RMSprop(0.01)),
        Arguments.of(
            "rmsprop centered momentum clipvalue",
            (Supplier<Optimizer>)
                () -> new RMSprop(0.005).centered(true).momentum(0.5).rho(0.8).clipvalue(0.1)),
        Arguments.of(
            "adagrad global_clipnorm",
            (Supplier<Optimizer>)
                () -> new Adagrad(0.1).initialAccumulatorValue(0.2).globalClipnorm(1.0)),
        Arguments.of("adam", (Supplier<Optimizer>) () -> new Adam(0.01).beta1(0.8)),
        Arguments.of(
            "adam amsgrad",
            (Supplier<Optimizer>) () -> new Adam(0.01).amsgrad(true).epsilon(1e-6)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void resumedTrainingMatchesUninterruptedTraining(String name, Supplier<Optimizer> optimizer)
      throws IOException {
    Sequential uninterrupted = Fixtures.smallModel();
    uninterrupted.compile(optimizer.get(), "sparse_categorical_crossentropy", "accuracy");
    History whole = uninterrupted.fit(BLOBS[0], BLOBS[1], fit(2));

    Sequential first = Fixtures.smallModel();
    first.compile(optimizer.get(), "sparse_categorical_crossentropy", "accuracy");
    History firstEpoch = first.fit(BLOBS[0], BLOBS[1], fit(1));
    Path file = dir.resolve("checkpoint.keras");
    first.save(file);
    Sequential resumed = Sequential.load(file);
    assertArrayEquals(first.predict(BLOBS[0]).data(), resumed.predict(BLOBS[0]).data());
    assertEquals(first.optimizer().toString(), resumed.optimizer().toString());
    assertEquals(first.optimizer().iterations(), resumed.optimizer().iterations());
    assertSlotsEqual(first.optimizer().slotValues(), resumed.optimizer().slotValues());
    History secondEpoch = resumed.fit(BLOBS[0], BLOBS[1], fit(2).initialEpoch(1));

    for (String key : List.of("loss", "accuracy")) {
      assertEquals(whole.get(key).get(0), firstEpoch.get(key).get(0), name + " " + key);
      assertEquals(whole.get(key).get(1), secondEpoch.get(key).get(0), name + " " + key);
    }
    assertSameWeights(uninterrupted, resumed);
    assertEquals(uninterrupted.optimizer().iterations(), resumed.optimizer().iterations());
  }

  @Test
  void dropoutMasksContinueFromTheSavedGeneratorState() throws IOException {
    Sequential model = Fixtures.trainedModel();
    Path file = dir.resolve("m.keras");
    model.save(file);
    Sequential loaded = Sequential.load(file);
    Sequential fresh = Fixtures.smallModel();
    // Training moved the mask generator away from its seed; the loaded model follows the
    // trained one, not a fresh one.
    long trained = ((Dropout) model.layers().get(1)).generatorState();
    long restored = ((Dropout) loaded.layers().get(1)).generatorState();
    long initial = ((Dropout) fresh.layers().get(1)).generatorState();
    assertEquals(trained, restored);
    assertNotEquals(initial, restored);
  }

  private static void assertSlotsEqual(List<float[]> expected, List<float[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "slot " + i);
    }
  }

  private static void assertSameWeights(Sequential expected, Sequential actual) {
    List<Tensor> a = expected.getWeights();
    List<Tensor> b = actual.getWeights();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).data(), b.get(i).data(), "weight " + i);
    }
  }
}
