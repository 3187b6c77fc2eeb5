package dev.tensile.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensile.layers.Activation;
import dev.tensile.layers.Conv2D;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.layers.Layer;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A relu {@link Conv2D} followed by a {@link MaxPooling2D} leaves relu's derivative to the pool,
 * which applies it to its smaller gradient. Training gives the same bits as the same model with a
 * linear activation layer between the two, which keeps them apart: for pools that tile the image,
 * for overlapping ones, and for "same" padding over an odd size.
 */
class ReluPoolingTest {

  private static List<Tensor> train(Supplier<MaxPooling2D> pool, boolean apart) {
    RandomSeed.set(7);
    List<Layer> layers = new ArrayList<>();
    layers.add(new Conv2D(8, 3, "relu").padding("same"));
    if (apart) {
      layers.add(new Activation("linear"));
    }
    layers.add(pool.get());
    layers.add(new Conv2D(4, 3, "relu"));
    if (apart) {
      layers.add(new Activation("linear"));
    }
    layers.add(new MaxPooling2D(2).padding("same"));
    layers.add(new Flatten());
    layers.add(new Dense(3, "softmax"));
    Sequential model = new Sequential(new Input(9, 9, 2), layers.toArray(new Layer[0]));
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    Random random = new Random(4);
    float[] x = new float[40 * 9 * 9 * 2];
    float[] y = new float[40];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat() - 0.3f;
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = random.nextInt(3);
    }
    model.fit(Tensor.of(x, 40, 9, 9, 2), Tensor.of(y, 40),
        new FitOptions().epochs(2).batchSize(8).seed(1).verbose(0));
    return model.getWeights();
  }

  private static void sameBits(Supplier<MaxPooling2D> pool, String what) {
    List<Tensor> together = train(pool, false);
    List<Tensor> apart = train(pool, true);
    assertEquals(apart.size(), together.size());
    for (int i = 0; i < together.size(); i++) {
      assertArrayEquals(apart.get(i).data(), together.get(i).data(), what + ", weight " + i);
    }
  }

  @Test
  void tilingPoolsGiveTheBitsOfTheLayersKeptApart() {
    sameBits(() -> new MaxPooling2D(3), "a 3 x 3 pool over 9 x 9");
  }

  @Test
  void overlappingPoolsGiveTheBitsOfTheLayersKeptApart() {
    sameBits(() -> new MaxPooling2D(3).strides(2), "a 3 x 3 pool at stride 2");
  }

  @Test
  void samePaddedPoolsGiveTheBitsOfTheLayersKeptApart() {
    sameBits(() -> new MaxPooling2D(2).padding("same"), "a 2 x 2 pool, same padding, over 9 x 9");
  }
}
