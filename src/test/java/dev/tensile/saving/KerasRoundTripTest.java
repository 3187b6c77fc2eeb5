package dev.tensile.saving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tensile.layers.Activation;
import dev.tensile.layers.AveragePooling2D;
import dev.tensile.layers.BatchNormalization;
import dev.tensile.layers.Conv2D;
import dev.tensile.layers.GlobalAveragePooling2D;
import dev.tensile.layers.GlobalMaxPooling2D;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.layers.Reshape;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.layers.Layer;
import dev.tensile.losses.CategoricalCrossentropy;
import dev.tensile.losses.SparseCategoricalCrossentropy;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adagrad;
import dev.tensile.optimizers.Adam;
import dev.tensile.optimizers.RMSprop;
import dev.tensile.optimizers.SGD;
import dev.tensile.tensor.Tensor;
import dev.tensile.testing.KerasPython;
import dev.tensile.utils.RandomSeed;
import dev.tensile.utils.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tensile saves models of every layer and optimizer type; real Keras loads each (with no warning),
 * predicts the same numbers, continues training from the same optimizer state, loads the weights
 * file, and saves the model again, which Tensile then loads with Keras's predictions. One Python
 * process checks every case (src/test/python/keras_roundtrip.py).
 */
class KerasRoundTripTest {
  private static final int ROWS = 10;
  private static final int STEPS = 2;

  @TempDir Path dir;

  private static Tensor normal(int[] shape, long seed) {
    Rng rng = new Rng(seed);
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] data = new float[n];
    for (int i = 0; i < n; i++) {
      data[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return Tensor.of(data, shape);
  }

  private static Tensor labels(int classes, boolean oneHot, long seed) {
    Rng rng = new Rng(seed);
    float[] data = new float[oneHot ? ROWS * classes : ROWS];
    for (int i = 0; i < ROWS; i++) {
      int c = (int) (rng.nextDouble() * classes);
      if (oneHot) {
        data[i * classes + c] = 1f;
      } else {
        data[i] = classes == 1 ? (rng.nextDouble() < 0.5 ? 0f : 1f) : c;
      }
    }
    return oneHot ? Tensor.of(data, ROWS, classes) : Tensor.of(data, classes == 1 ? new int[] {ROWS, 1} : new int[] {ROWS});
  }

  private static Sequential model(Input input, Layer... layers) {
    RandomSeed.set(3);
    return new Sequential(input, layers);
  }

  /** Every layer, activation, optimizer and loss, each in at least one case. */
  private static Map<String, Object[]> cases() {
    Map<String, Object[]> c = new LinkedHashMap<>();
    Sequential adam = model(new Input(4), new Dense(5, "relu"), new Dense(3, "softmax"));
    adam.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
    c.put("adam", new Object[] {adam, new int[] {ROWS, 4}, labels(3, false, 1)});

    Sequential amsgrad = model(new Input(4),
        new Dense(4, "tanh").kernelInitializer("he_normal"), new Dense(1, "sigmoid"));
    amsgrad.compile(new Adam(0.02).amsgrad(true).clipnorm(0.5), "binary_crossentropy",
        "accuracy");
    c.put("adam_amsgrad_clipnorm", new Object[] {amsgrad, new int[] {ROWS, 4}, labels(1, false, 2)});

    Sequential sgd = model(new Input(2, 3), new Flatten(), new Dense(3, "softmax"));
    sgd.compile(new SGD(0.1), "categorical_crossentropy", "categorical_accuracy");
    c.put("sgd_flatten", new Object[] {sgd, new int[] {ROWS, 2, 3}, labels(3, true, 3)});

    Sequential momentum = model(new Input(4),
        new Dense(5, "sigmoid").useBias(false), new Dense(3, "softmax"));
    momentum.compile(new SGD(0.05).momentum(0.9), "sparse_categorical_crossentropy",
        "sparse_categorical_accuracy");
    c.put("sgd_momentum_nobias", new Object[] {momentum, new int[] {ROWS, 4}, labels(3, false, 4)});

    Sequential nesterov = model(new Input(4), new Dense(5, "relu"), new Dense(3));
    nesterov.compile(new SGD(0.05).momentum(0.8).nesterov(true),
        new CategoricalCrossentropy(true));
    c.put("sgd_nesterov_logits", new Object[] {nesterov, new int[] {ROWS, 4}, labels(3, true, 5)});

    Sequential rms = model(new Input(4), new Dense(5), new Activation("tanh"),
        new Dense(3, "softmax"));
    rms.compile(new RMSprop(), "sparse_categorical_crossentropy", "accuracy");
    c.put("rmsprop_activation", new Object[] {rms, new int[] {ROWS, 4}, labels(3, false, 6)});

    Sequential centered = model(new Input(4), new Dense(5, "relu"), new Dense(3, "softmax"));
    centered.compile(new RMSprop(0.01).momentum(0.5).centered(true),
        "sparse_categorical_crossentropy");
    c.put("rmsprop_momentum_centered",
        new Object[] {centered, new int[] {ROWS, 4}, labels(3, false, 7)});

    Sequential adagrad = model(new Input(4), new Dense(4, "linear"), new Dense(3));
    adagrad.compile(new Adagrad(0.1), new SparseCategoricalCrossentropy(true));
    c.put("adagrad_logits", new Object[] {adagrad, new int[] {ROWS, 4}, labels(3, false, 8)});

    Sequential dropout = model(new Input(4), new Dense(6, "relu"), new Dropout(0.3, 7),
        new Dense(2, "softmax"));
    c.put("uncompiled_dropout", new Object[] {dropout, new int[] {ROWS, 4}, null});

    Sequential conv = model(new Input(8, 8, 1),
        new Conv2D(4, 3, "relu").padding("same"), new MaxPooling2D(2), new BatchNormalization(),
        new AveragePooling2D(2).strides(1).padding("same"),
        new Conv2D(3, new int[] {2, 3}, "tanh").strides(1, 2).useBias(false),
        new GlobalAveragePooling2D(), new Dense(3, "softmax"));
    conv.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
    c.put("conv_batchnorm", new Object[] {conv, new int[] {ROWS, 8, 8, 1}, labels(3, false, 9)});

    Sequential reshape = model(new Input(32), new Reshape(4, 4, 2),
        new Conv2D(3, 2).dilationRate(2), new GlobalMaxPooling2D(), new Dense(2, "softmax"));
    reshape.compile(new SGD(0.1).momentum(0.9), "sparse_categorical_crossentropy");
    c.put("reshape_globalmax", new Object[] {reshape, new int[] {ROWS, 32}, labels(2, false, 10)});

    // No variables at all: the HDF5 file has no group and no dataset.
    Sequential empty = model(new Input(2, 3), new Flatten(), new Activation("relu"));
    c.put("no_weights", new Object[] {empty, new int[] {ROWS, 2, 3}, null});
    return c;
  }

  private static JsonArray json(Tensor t) {
    return JsonParser.parseString(java.util.Arrays.toString(t.data())).getAsJsonArray();
  }

  @Test
  void kerasLoadsWhatTensileSavesAndTensileLoadsWhatKerasSaves() throws IOException {
    KerasPython.require();
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    long seed = 10;
    for (Map.Entry<String, Object[]> e : cases().entrySet()) {
      String name = e.getKey();
      Sequential model = (Sequential) e.getValue()[0];
      Tensor x = normal((int[]) e.getValue()[1], seed++);
      Tensor y = (Tensor) e.getValue()[2];
      inputs.put(name, x);
      FitOptions steps =
          new FitOptions().epochs(STEPS).batchSize(ROWS).shuffle(false).verbose(0);
      JsonObject r = new JsonObject();
      r.add("x", json(x));
      r.add("x_shape", JsonParser.parseString(java.util.Arrays.toString(x.shape())));
      r.addProperty("compiled", y != null);
      if (y != null) {
        model.fit(x, y, steps);
        r.add("y", y.shape().length == 2 && y.shape()[1] > 1 ? rows(y) : json(y));
      }
      Path file = dir.resolve(name + ".keras");
      model.save(file);
      model.saveWeights(dir.resolve(name + ".weights.h5"));
      r.add("predictions", rows(model.predict(x)));
      if (y != null) {
        Sequential loaded = Sequential.load(file);
        loaded.fit(x, y, steps);
        JsonArray after = new JsonArray();
        for (Tensor w : loaded.getWeights()) {
          after.add(json(w));
        }
        r.add("weights_after", after);
        r.addProperty("steps", STEPS);
        r.addProperty("iterations_after", loaded.optimizer().iterations());
      }
      Files.writeString(dir.resolve(name + ".json"), r.toString());
    }

    String out = KerasPython.runScript("keras_roundtrip.py", 300, dir.toString(), "--chapter8");
    for (String name : inputs.keySet()) {
      assertTrue(out.contains("ok " + name), out);
      Sequential fromKeras = Sequential.load(dir.resolve(name + ".from_keras.keras"));
      JsonObject expected = JsonParser.parseString(
          Files.readString(dir.resolve(name + ".from_keras.json"))).getAsJsonObject();
      Tensor prediction = fromKeras.predict(inputs.get(name));
      KerasFilesTest.assertClose(
          KerasFilesTest.tensor(expected.get("predictions"), prediction.shape()).data(),
          prediction.data(), 1e-6, name + " saved by Keras");
    }
    assertChapter8Loads();
  }

  /** The CNN of the book's chapter 8, saved by Keras, loads and evaluates with Keras's numbers. */
  private void assertChapter8Loads() throws IOException {
    JsonObject r = JsonParser.parseString(Files.readString(dir.resolve("chapter8.json")))
        .getAsJsonObject();
    Sequential model = Sequential.load(dir.resolve("chapter8.keras"));
    Tensor x = KerasFilesTest.tensor(r.get("x"), KerasFilesTest.ints(r.getAsJsonArray("x_shape")));
    Tensor prediction = model.predict(x);
    KerasFilesTest.assertClose(
        KerasFilesTest.tensor(r.get("predictions"), prediction.shape()).data(), prediction.data(),
        1e-6, "chapter 8 CNN saved by Keras");
    Tensor y = KerasFilesTest.tensor(r.get("y"), new int[] {x.shape()[0]});
    double[] evaluated = model.evaluate(x, y, new dev.tensile.models.EvaluateOptions().verbose(0));
    JsonArray keras = r.getAsJsonArray("evaluate");
    for (int i = 0; i < evaluated.length; i++) {
      double expected = keras.get(i).getAsDouble();
      assertTrue(Math.abs(evaluated[i] - expected) <= 1e-5 * Math.max(1, Math.abs(expected)),
          "evaluate[" + i + "]: Keras " + expected + ", Tensile " + evaluated[i]);
    }
  }

  private static JsonArray rows(Tensor t) {
    int cols = t.shape()[t.shape().length - 1];
    JsonArray out = new JsonArray();
    for (int i = 0; i < t.shape()[0]; i++) {
      JsonArray row = new JsonArray();
      for (int j = 0; j < cols; j++) {
        row.add(t.data()[i * cols + j]);
      }
      out.add(row);
    }
    return out;
  }
}
