package dev.tensile.saving;

import static dev.tensile.saving.Fixtures.BLOBS;
import static dev.tensile.saving.Fixtures.fit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.utils.Categorical;
import dev.tensile.initializers.Constant;
import dev.tensile.initializers.VarianceScaling;
import dev.tensile.layers.Activation;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.layers.Layer;
import dev.tensile.losses.BinaryCrossentropy;
import dev.tensile.losses.CategoricalCrossentropy;
import dev.tensile.models.EvaluateOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.SGD;
import dev.tensile.tensor.Tensor;
import dev.tensile.testing.Synthetic;
import dev.tensile.utils.RandomSeed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A saved and loaded model is the same model: same config, same weights, same predictions. */
class RoundTripTest {
  @TempDir Path dir;

  private Sequential saveAndLoad(Sequential model) throws IOException {
    Path file = dir.resolve("model.keras");
    model.save(file);
    return Sequential.load(file);
  }

  private static void assertSamePredictions(Sequential expected, Sequential actual, Tensor x) {
    assertArrayEquals(expected.predict(x).data(), actual.predict(x).data());
  }

  @ParameterizedTest
  @ValueSource(strings = {"linear", "relu", "sigmoid", "tanh", "softmax"})
  void denseWithEachActivationPredictsBitForBit(String activation) throws IOException {
    RandomSeed.set(3);
    Sequential model = new Sequential(new Input(4), new Dense(5, activation), new Dense(3));
    Sequential loaded = saveAndLoad(model);
    assertSamePredictions(model, loaded, BLOBS[0]);
    Dense dense = (Dense) loaded.layers().get(0);
    assertEquals(activation, dense.activation().name());
    assertEquals(5, dense.units());
  }

  @Test
  void everyLayerTypeKeepsItsConfigAndWeights() throws IOException {
    RandomSeed.set(4);
    Sequential model =
        new Sequential(
                new Input(2, 2),
                new Flatten().name("flat"),
                // Keras's seeds are 32-bit unsigned, so only such a seed survives the file.
                new Dense(6, "tanh").useBias(false).kernelInitializer(new VarianceScaling(2.0,
                    VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL,
                    4_000_000_000L, "he_normal")).name("hidden"),
                new Dropout(0.5, 99),
                new Dense(3).biasInitializer(new Constant(0.25)),
                new Activation("softmax"))
            .name("every_layer");
    Tensor x = BLOBS[0].reshape(48, 2, 2);
    Sequential loaded = saveAndLoad(model);

    assertEquals("every_layer", loaded.name());
    assertArrayEquals(new int[] {2, 2}, loaded.inputShape());
    assertEquals(names(model.layers()), names(loaded.layers()));
    for (int i = 0; i < model.layers().size(); i++) {
      assertEquals(model.layers().get(i).getClass(), loaded.layers().get(i).getClass());
    }
    Dense hidden = (Dense) loaded.layers().get(1);
    assertFalse(hidden.useBias());
    assertEquals(1, hidden.weights().size());
    VarianceScaling kernelInit = (VarianceScaling) hidden.kernelInitializer();
    VarianceScaling savedInit =
        (VarianceScaling) ((Dense) model.layers().get(1)).kernelInitializer();
    assertEquals("he_normal", kernelInit.name());
    assertEquals(savedInit.seed(), kernelInit.seed());
    assertEquals(savedInit.mode(), kernelInit.mode());
    assertEquals(savedInit.distribution(), kernelInit.distribution());
    assertEquals(savedInit.scale(), kernelInit.scale());
    Dropout dropout = (Dropout) loaded.layers().get(2);
    assertEquals(0.5f, dropout.rate());
    assertEquals(99L, dropout.seed());
    Dense out = (Dense) loaded.layers().get(3);
    assertEquals(0.25f, ((Constant) out.biasInitializer()).value());
    assertEquals("softmax", ((Activation) loaded.layers().get(4)).activation().name());
    assertFalse(loaded.isCompiled());
    assertSamePredictions(model, loaded, x);
    for (int i = 0; i < model.variables().size(); i++) {
      assertArrayEquals(model.getWeights().get(i).data(), loaded.getWeights().get(i).data());
    }
  }

  @Test
  void anUnbuiltModelKeepsItsLayersAndBuildsLater() throws IOException {
    RandomSeed.set(5);
    Sequential model = new Sequential(new Dense(4, "relu"), new Dense(2));
    model.compile("sgd", "sparse_categorical_crossentropy");
    Sequential loaded = saveAndLoad(model);
    assertFalse(loaded.isBuilt());
    assertNull(loaded.inputShape());
    assertEquals(names(model.layers()), names(loaded.layers()));
    assertEquals("SGD", loaded.optimizer().getClass().getSimpleName());
    loaded.build(4);
    assertTrue(loaded.isBuilt());
  }

  @Test
  void lossesKeepFromLogitsAndMetricsTheirNames() throws IOException {
    RandomSeed.set(6);
    Sequential model = new Sequential(new Input(4), new Dense(3));
    model.compile(new SGD(0.1), new CategoricalCrossentropy(true), "acc");
    Sequential loaded = saveAndLoad(model);
    assertTrue(((CategoricalCrossentropy) loaded.loss()).fromLogits());
    assertEquals(List.of("acc"), loaded.metricNames());

    Sequential binary = new Sequential(new Input(4), new Dense(1, "sigmoid"));
    binary.compile("adam", "binary_crossentropy", "accuracy");
    Sequential binaryLoaded = saveAndLoad(binary);
    assertFalse(((BinaryCrossentropy) binaryLoaded.loss()).fromLogits());
    assertEquals(List.of("accuracy"), binaryLoaded.metricNames());
  }

  @Test
  void aLearningRateChangedDuringTrainingIsKept() throws IOException {
    Sequential model = Fixtures.trainedModel();
    model.optimizer().setLearningRate(0.0003);
    Sequential loaded = saveAndLoad(model);
    assertEquals(model.optimizer().learningRate(), loaded.optimizer().learningRate());
    assertEquals(model.optimizer().iterations(), loaded.optimizer().iterations());
  }

  @Test
  void oneHotTargetsTrainAfterLoading() throws IOException {
    RandomSeed.set(7);
    Sequential model = new Sequential(new Input(4), new Dense(3, "softmax"));
    model.compile("rmsprop", "categorical_crossentropy", "accuracy");
    Tensor y = Categorical.toCategorical(BLOBS[1], 3);
    model.fit(BLOBS[0], y, fit(1));
    Sequential loaded = saveAndLoad(model);
    double[] before = model.evaluate(BLOBS[0], y, new EvaluateOptions().verbose(0));
    double[] after = loaded.evaluate(BLOBS[0], y, new EvaluateOptions().verbose(0));
    assertArrayEquals(before, after);
  }

  private static List<String> names(List<Layer> layers) {
    return layers.stream().map(Layer::name).toList();
  }
}
