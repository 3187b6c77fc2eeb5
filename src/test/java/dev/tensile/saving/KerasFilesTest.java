package dev.tensile.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads the files real Keras 3 wrote (src/test/python/keras_files.py) and compares Tensile's
 * predictions (1e-6 relative) and its weights after continued training from the loaded optimizer
 * state (1e-4 relative) with Keras's own.
 */
class KerasFilesTest {
  static final Path DIR = Path.of("src", "test", "resources", "dev", "tensile", "keras");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5))
          .sorted()
          .toList()
          .stream();
    }
  }

  static JsonObject record(String name) throws IOException {
    return JsonParser.parseString(Files.readString(DIR.resolve(name + ".json"))).getAsJsonObject();
  }

  static Tensor tensor(JsonElement nested, int[] shape) {
    List<Float> values = new ArrayList<>();
    flatten(nested, values);
    float[] data = new float[values.size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = values.get(i);
    }
    return Tensor.of(data, shape);
  }

  static void flatten(JsonElement e, List<Float> out) {
    if (e.isJsonArray()) {
      for (JsonElement x : e.getAsJsonArray()) {
        flatten(x, out);
      }
    } else {
      out.add(e.getAsFloat());
    }
  }

  static int[] ints(JsonArray a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsInt();
    }
    return out;
  }

  static Tensor x(JsonObject r) {
    return tensor(r.get("x"), ints(r.getAsJsonArray("x_shape")));
  }

  static Tensor y(JsonObject r, Sequential model) {
    JsonArray y = r.getAsJsonArray("y");
    if (y.get(0).isJsonArray()) {
      return tensor(y, new int[] {y.size(), y.get(0).getAsJsonArray().size()});
    }
    return model.loss().sparse() ? tensor(y, new int[] {y.size()}) : tensor(y, new int[] {y.size()});
  }

  static void assertClose(float[] expected, float[] actual, double rtol, String what) {
    assertEquals(expected.length, actual.length, what + ": element count");
    for (int i = 0; i < expected.length; i++) {
      double tol = rtol * Math.max(Math.abs(expected[i]), Math.abs(actual[i])) + 1e-7;
      if (Math.abs(expected[i] - actual[i]) > tol) {
        fail(String.format("%s[%d]: Keras %s, Tensile %s", what, i, expected[i], actual[i]));
      }
    }
  }

  /** Checks a loaded model against Keras's predictions and continued training. */
  static void assertMatchesKeras(Sequential model, JsonObject r, String what) {
    Tensor x = x(r);
    float[] expected = tensor(r.get("predictions"), model.predict(x).shape()).data();
    assertClose(expected, model.predict(x).data(), 1e-6, what + " predictions");
    if (!r.get("compiled").getAsBoolean()) {
      assertTrue(!model.isCompiled(), what + " should load uncompiled");
      return;
    }
    int steps = r.get("steps").getAsInt();
    model.fit(x, y(r, model),
        new FitOptions().epochs(steps).batchSize(x.shape()[0]).shuffle(false).verbose(0));
    JsonArray after = r.getAsJsonArray("weights_after");
    List<Tensor> weights = model.getWeights();
    assertEquals(after.size(), weights.size(), what + ": weight count");
    for (int i = 0; i < weights.size(); i++) {
      assertClose(tensor(after.get(i), weights.get(i).shape()).data(), weights.get(i).data(),
          1e-4, what + " weight " + i + " after " + steps + " more steps");
    }
    assertEquals(r.get("iterations_after").getAsLong(), model.optimizer().iterations(),
        what + ": step count");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aKerasFileLoadsPredictsAndTrainsOnAsKerasDoes(String name) throws IOException {
    assertMatchesKeras(Sequential.load(DIR.resolve(name + ".keras")), record(name), name);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aLegacyH5FileLoadsToo(String name) throws IOException {
    Path legacy = DIR.resolve(name + ".h5");
    if (Files.exists(legacy)) {
      assertMatchesKeras(Sequential.load(legacy), record(name), name + ".h5");
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aKerasWeightsFileLoadsIntoTheModel(String name) throws IOException {
    Path weights = DIR.resolve(name + ".weights.h5");
    if (Files.exists(weights)) {
      Sequential model = Sequential.load(DIR.resolve(name + ".keras"));
      List<Tensor> keras = model.getWeights();
      for (Tensor w : keras) {
        java.util.Arrays.fill(w.data(), 0f);
      }
      model.setWeights(keras);
      model.loadWeights(weights);
      JsonObject r = record(name);
      float[] expected = tensor(r.get("predictions"), model.predict(x(r)).shape()).data();
      assertClose(expected, model.predict(x(r)).data(), 1e-6, name + ".weights.h5 predictions");
    }
  }

  @org.junit.jupiter.api.Test
  void aKeras2LegacyFileLoadsWithItsWeightsAndCompileSettings() throws IOException {
    String name = "adam_relu_softmax";
    Sequential model = Sequential.load(DIR.resolve(name + ".keras2.h5"));
    JsonObject r = record(name);
    float[] expected = tensor(r.get("predictions"), model.predict(x(r)).shape()).data();
    assertClose(expected, model.predict(x(r)).data(), 1e-6, name + ".keras2.h5 predictions");
    assertEquals("Adam(learning_rate=0.01, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7, "
        + "amsgrad=false)", model.optimizer().toString());
    assertEquals(0, model.optimizer().iterations(), "a Keras 2 optimizer starts afresh");
    assertEquals(java.util.List.of("accuracy"), model.metricNames());
    assertTrue(model.loss() instanceof dev.tensile.losses.SparseCategoricalCrossentropy);
  }
}
