package dev.tensile.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tensile.callbacks.History;
import dev.tensile.layers.BatchNormalization;
import dev.tensile.layers.Conv2D;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adam;
import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tiny CNN with batch normalization, started from Keras's initial weights and trained for three
 * full-batch Adam steps, ends with Keras's weights (moving statistics included), losses and
 * predictions, to 1e-4 relative to {@code max(1, |keras|)}. Made by {@code
 * src/test/python/conv_reference.py}.
 */
class ConvTrainingKerasTest {

  @Test
  void threeAdamStepsMatchKeras() throws IOException {
    JsonObject ref;
    try (InputStream in = getClass().getResourceAsStream("/dev/tensile/conv/adam_steps.json")) {
      ref = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
    Sequential model = new Sequential(
        new Input(6, 6, 1),
        new Conv2D(4, 3, "relu").padding("same"),
        new BatchNormalization(),
        new MaxPooling2D(2),
        new Conv2D(3, new int[] {2, 2}, "relu"),
        new Flatten(),
        new Dense(3, "softmax"));
    JsonArray shapes = ref.getAsJsonArray("shapes");
    JsonArray initial = ref.getAsJsonArray("initial");
    List<Tensor> start = new ArrayList<>();
    for (int i = 0; i < initial.size(); i++) {
      start.add(Tensor.of(floats(initial.get(i).getAsJsonArray()),
          ints(shapes.get(i).getAsJsonArray())));
    }
    model.setWeights(start);
    model.compile(new Adam(ref.get("learning_rate").getAsDouble()),
        "sparse_categorical_crossentropy", "accuracy");
    Tensor x = Tensor.of(floats(ref.getAsJsonArray("x")), ints(ref.getAsJsonArray("x_shape")));
    Tensor y = Tensor.of(floats(ref.getAsJsonArray("y")), x.samples());
    int epochs = ref.get("epochs").getAsInt();
    History history = model.fit(x, y,
        new FitOptions().epochs(epochs).batchSize(x.samples()).shuffle(false).verbose(0));

    close("loss", floats(ref.getAsJsonArray("loss")), toFloats(history.get("loss")));
    JsonArray fin = ref.getAsJsonArray("final");
    List<Tensor> end = model.getWeights();
    assertEquals(fin.size(), end.size());
    for (int i = 0; i < fin.size(); i++) {
      assertArrayEquals(ints(shapes.get(i).getAsJsonArray()), end.get(i).shape());
      close("weight " + model.variables().get(i).name(), floats(fin.get(i).getAsJsonArray()),
          end.get(i).data());
    }
    close("predict", floats(ref.getAsJsonArray("predict")), model.predict(x).data());
  }

  private static float[] toFloats(List<Double> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).floatValue();
    }
    return out;
  }

  static void close(String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double err = Math.abs(expected[i] - actual[i]);
      if (!(err <= 1e-4 * Math.max(1.0, Math.abs(expected[i])))) {
        fail(what + "[" + i + "]: Keras " + expected[i] + ", Tensile " + actual[i]);
      }
    }
  }

  static int[] ints(JsonArray a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsInt();
    }
    return out;
  }

  static float[] floats(JsonArray a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsFloat();
    }
    return out;
  }
}
