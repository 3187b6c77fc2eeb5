package dev.tensile.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tensile.callbacks.History;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Input;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.tensor.Variable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reproduces reference trajectories computed independently in float64: a tiny model trained a
 * few full-batch steps, through the public API (setWeights, then fit one epoch per step with the
 * whole data as one batch and no shuffling). Loss before each step, gradients at the first step
 * and weights after each step must agree to a relative 1e-4.
 */
class FixtureTest {
  private static final double RELATIVE = 1e-4;
  private static final double ABSOLUTE = 1e-5;

  @ParameterizedTest
  @ValueSource(strings = {
    "sgd_default", "sgd_lr0.1", "sgd_momentum", "sgd_nesterov", "rmsprop_default",
    "adagrad_default", "adam_default", "categorical_onehot", "binary_sigmoid", "sigmoid_hidden"
  })
  void trajectoryMatchesTheReference(String id) throws IOException {
    JsonObject f = load(id);
    List<Dense> layers = new ArrayList<>();
    for (JsonElement e : f.getAsJsonArray("layers")) {
      JsonObject l = e.getAsJsonObject();
      layers.add(new Dense(l.get("units").getAsInt(), l.get("activation").getAsString()));
    }
    Sequential model =
        new Sequential(new Input(f.get("input_dim").getAsInt()), layers.toArray(new Dense[0]));
    model.compile(optimizer(f.getAsJsonObject("optimizer")), f.get("loss").getAsString());
    List<Tensor> initial = new ArrayList<>();
    for (JsonElement w : f.getAsJsonArray("initial_weights")) {
      initial.add(tensor(w));
    }
    model.setWeights(initial);
    Tensor x = tensor(f.get("x"));
    Tensor y = tensor(f.get("y"));
    FitOptions oneFullBatch =
        new FitOptions().batchSize(x.samples()).shuffle(false).verbose(0);
    JsonArray steps = f.getAsJsonArray("steps");
    for (int s = 0; s < steps.size(); s++) {
      JsonObject step = steps.get(s).getAsJsonObject();
      History h = model.fit(x, y, oneFullBatch);
      close(id + " loss before step " + (s + 1), step.get("loss").getAsDouble(), h.last("loss"));
      if (s == 0) {
        JsonArray grads = f.getAsJsonArray("gradients_at_step_1");
        for (int w = 0; w < grads.size(); w++) {
          Variable v = model.variables().get(w);
          compare(id + " gradient of " + v.name(), tensor(grads.get(w)).data(), v.gradient());
        }
      }
      JsonArray after = step.getAsJsonArray("weights_after");
      for (int w = 0; w < after.size(); w++) {
        compare(id + " step " + (s + 1) + " weight " + w,
            tensor(after.get(w)).data(), model.getWeights().get(w).data());
      }
    }
    assertEquals(steps.size(), model.optimizer().iterations());
  }

  static Optimizer optimizer(JsonObject c) {
    double lr = c.get("learning_rate").getAsDouble();
    switch (c.get("name").getAsString()) {
      case "sgd":
        return new SGD(lr).momentum(c.get("momentum").getAsDouble())
            .nesterov(c.get("nesterov").getAsBoolean());
      case "rmsprop":
        return new RMSprop(lr).rho(c.get("rho").getAsDouble())
            .momentum(c.get("momentum").getAsDouble()).epsilon(c.get("epsilon").getAsDouble())
            .centered(c.get("centered").getAsBoolean());
      case "adagrad":
        return new Adagrad(lr)
            .initialAccumulatorValue(c.get("initial_accumulator_value").getAsDouble())
            .epsilon(c.get("epsilon").getAsDouble());
      case "adam":
        return new Adam(lr).beta1(c.get("beta_1").getAsDouble())
            .beta2(c.get("beta_2").getAsDouble()).epsilon(c.get("epsilon").getAsDouble());
      default:
        throw new IllegalArgumentException("unknown optimizer in fixture: " + c);
    }
  }

  private static void close(String what, double expected, double actual) {
    if (Math.abs(expected - actual) > Math.max(ABSOLUTE, RELATIVE * Math.abs(expected))) {
      fail(what + ": expected " + expected + " but got " + actual);
    }
  }

  private static void compare(String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + " size");
    for (int i = 0; i < expected.length; i++) {
      close(what + "[" + i + "]", expected[i], actual[i]);
    }
  }

  /** Turns a JSON number, vector or matrix into a tensor of that shape. */
  static Tensor tensor(JsonElement e) {
    if (!e.isJsonArray()) {
      return Tensor.of(new float[] {e.getAsFloat()});
    }
    JsonArray a = e.getAsJsonArray();
    if (a.size() > 0 && a.get(0).isJsonArray()) {
      float[][] rows = new float[a.size()][];
      for (int i = 0; i < a.size(); i++) {
        JsonArray r = a.get(i).getAsJsonArray();
        rows[i] = new float[r.size()];
        for (int j = 0; j < r.size(); j++) {
          rows[i][j] = r.get(j).getAsFloat();
        }
      }
      return Tensor.of(rows);
    }
    float[] v = new float[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).getAsFloat();
    }
    return Tensor.of(v, v.length);
  }

  static JsonObject load(String id) throws IOException {
    try (InputStream in = FixtureTest.class.getResourceAsStream("/dev/tensile/fixtures/" + id
        + ".json")) {
      if (in == null) {
        throw new IOException("missing fixture " + id);
      }
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }
}
