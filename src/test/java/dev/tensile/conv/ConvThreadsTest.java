package dev.tensile.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tensile.engine.Engines;
import dev.tensile.engine.MatrixEngine;
import dev.tensile.layers.BatchNormalization;
import dev.tensile.layers.Conv2D;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Training a CNN whose convolution products are large enough to be split across threads, and
 * whose convolution and pooling passes share the batch's images among them, gives the same bits
 * on the Vector API engine with one thread, two and three (an uneven split of the batch).
 */
class ConvThreadsTest {

  private static List<Tensor> train(MatrixEngine engine) {
    MatrixEngine previous = Engines.current();
    Engines.use(engine);
    try {
      RandomSeed.set(5);
      Sequential model = new Sequential(
          new Input(14, 14, 8),
          new Conv2D(32, 3, "relu").padding("same"),
          new BatchNormalization(),
          new MaxPooling2D(2),
          new Conv2D(16, 3, "relu"),
          new Flatten(),
          new Dense(3, "softmax"));
      model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
      Random random = new Random(9);
      float[] x = new float[64 * 14 * 14 * 8];
      float[] y = new float[64];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextFloat();
      }
      for (int i = 0; i < y.length; i++) {
        y[i] = random.nextInt(3);
      }
      model.fit(Tensor.of(x, 64, 14, 14, 8), Tensor.of(y, 64),
          new FitOptions().epochs(1).batchSize(32).seed(1).verbose(0));
      return model.getWeights();
    } finally {
      Engines.use(previous);
    }
  }

  @Test
  void oneAndTwoThreadsGiveTheSameBits() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "needs the Vector API module");
    List<Tensor> one = train(new dev.tensile.engine.vector.VectorEngine(1));
    List<Tensor> two = train(new dev.tensile.engine.vector.VectorEngine(2));
    List<Tensor> three = train(new dev.tensile.engine.vector.VectorEngine(3));
    for (int i = 0; i < one.size(); i++) {
      assertArrayEquals(one.get(i).data(), two.get(i).data(), "weight " + i + ", two threads");
      assertArrayEquals(one.get(i).data(), three.get(i).data(), "weight " + i + ", three threads");
    }
  }
}
