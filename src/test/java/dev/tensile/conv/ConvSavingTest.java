package dev.tensile.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensile.layers.AveragePooling2D;
import dev.tensile.layers.BatchNormalization;
import dev.tensile.layers.Conv2D;
import dev.tensile.layers.Dense;
import dev.tensile.layers.GlobalAveragePooling2D;
import dev.tensile.layers.GlobalMaxPooling2D;
import dev.tensile.layers.Input;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.layers.Reshape;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model of every convolution layer, trained a little, saved and loaded, predicts the same. */
class ConvSavingTest {

  @Test
  void everyConvolutionLayerSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
    RandomSeed.set(3);
    Sequential model = new Sequential(
        new Input(48),
        new Reshape(8, 6, -1),
        new Conv2D(4, new int[] {3, 2}, "relu").strides(2, 1).padding("same"),
        new BatchNormalization().momentum(0.9),
        new MaxPooling2D(2).strides(1).padding("same"),
        new Conv2D(3, 2).dilationRate(2).useBias(false),
        new AveragePooling2D(new int[] {1, 2}),
        new Conv2D(2, 1),
        new GlobalMaxPooling2D(),
        new Dense(2, "softmax"));
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    Random random = new Random(1);
    float[] x = new float[10 * 48];
    float[] y = new float[10];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 2;
    }
    Tensor xs = Tensor.of(x, 10, 48);
    model.fit(xs, Tensor.of(y, 10), new FitOptions().epochs(2).batchSize(4).verbose(0));
    Path file = dir.resolve("cnn.keras");
    model.save(file);
    Sequential loaded = Sequential.load(file);
    assertEquals(model.summaryString(), loaded.summaryString());
    assertArrayEquals(model.predict(xs).data(), loaded.predict(xs).data());
  }

  @Test
  void globalAveragePoolingSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
    Sequential model = new Sequential(
        new Input(4, 4, 2), new Conv2D(3, 3), new GlobalAveragePooling2D(), new Dense(2));
    model.compile("sgd", "sparse_categorical_crossentropy");
    Path file = dir.resolve("gap.keras");
    model.save(file);
    Tensor x = Tensor.of(new float[64], 2, 4, 4, 2).add(0.5f);
    assertArrayEquals(model.predict(x).data(), Sequential.load(file).predict(x).data());
  }
}
