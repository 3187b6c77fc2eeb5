package dev.tensile.callbacks;

import dev.tensile.layers.Dense;
import dev.tensile.layers.Input;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.optimizers.SGD;
import dev.tensile.tensor.Tensor;
import dev.tensile.testing.Synthetic;
import dev.tensile.utils.RandomSeed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny compiled model and a driver that calls the hooks as {@code fit} does, epoch by epoch. */
final class Fixtures {
  private Fixtures() {}

  /**
   * A built 3-input, 2-class softmax model compiled with SGD(0.1), sparse crossentropy and
   * accuracy.
   */
  static Sequential model() {
    RandomSeed.set(11);
    Sequential model = new Sequential(new Input(3), new Dense(2, "softmax"));
    model.compile(new SGD(0.1), "sparse_categorical_crossentropy", "accuracy");
    return model;
  }

  /** 200 samples of 2 well-separated clusters in 4 dimensions: {@code {x, labels}}. */
  static final Tensor[] BLOBS = Synthetic.blobs(200, 4, 2, 5);

  /**
   * A 4-8-2 network for {@link #BLOBS}, initialized from {@code seed}, compiled with the optimizer,
   * sparse crossentropy and accuracy.
   */
  static Sequential blobNet(Optimizer optimizer, long seed) {
    RandomSeed.set(seed);
    Sequential net = new Sequential(new Input(4), new Dense(8, "relu"), new Dense(2, "softmax"));
    net.compile(optimizer, "sparse_categorical_crossentropy", "accuracy");
    return net;
  }

  /** Logs holding one key. */
  static Logs logs(String key, double value) {
    return Logs.of(Map.of(key, value));
  }

  /** Logs of alternating keys and values. */
  static Logs logs(Object... keysAndValues) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).doubleValue());
    }
    return Logs.of(m);
  }

  /** Sets every weight element to {@code value}. */
  static void fillWeights(Sequential model, float value) {
    List<Tensor> filled = new ArrayList<>();
    for (Tensor t : model.getWeights()) {
      float[] data = new float[t.data().length];
      Arrays.fill(data, value);
      filled.add(Tensor.wrap(data, t.shape()));
    }
    model.setWeights(filled);
  }

  /** The first element of the first weight. */
  static float firstWeight(Sequential model) {
    return model.variables().get(0).value()[0];
  }

  /**
   * Runs the epoch hooks as {@code fit} does: before epoch {@code e} the weights are all set to
   * {@code e + 1}, so a restored model tells which epoch it came from; each epoch logs {@code key}
   * with the next value; the run stops when the model asks to. Returns the epochs run.
   */
  static int run(Callback callback, Sequential model, String key, double... values) {
    callback.setModel(model);
    model.setStopTraining(false);
    Logs empty = new Logs(List.of());
    callback.onTrainBegin(empty);
    int epochs = 0;
    Logs last = empty;
    for (int e = 0; e < values.length; e++) {
      callback.onEpochBegin(e, empty);
      fillWeights(model, e + 1);
      last = logs(key, values[e]);
      callback.onEpochEnd(e, last);
      epochs++;
      if (model.stopTraining()) {
        break;
      }
    }
    callback.onTrainEnd(last);
    return epochs;
  }
}
