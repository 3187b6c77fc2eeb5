package dev.tensile.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.layers.AveragePooling2D;
import dev.tensile.layers.Conv2D;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.layers.Reshape;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrong shapes and options fail at once, say what was expected, and change nothing. */
class ConvBadInputTest {

  private static Sequential model() {
    Sequential m = new Sequential(new Input(28, 28, 1), new Conv2D(2, 3).padding("same"),
        new MaxPooling2D(2), new Flatten(), new Dense(10, "softmax"));
    m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    return m;
  }

  @Test
  void imagesWithoutTheChannelAxisAreRefusedWithTheReshape() {
    Sequential m = model();
    List<Tensor> before = m.getWeights();
    Tensor x = Tensor.zeros(4, 28, 28);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.fit(x, Tensor.zeros(4), new FitOptions().verbose(0)));
    assertTrue(e.getMessage().contains("expected shape (None, 28, 28, 1), got (None, 28, 28)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("x.reshape(-1, 28, 28, 1)"), e.getMessage());
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i).data(), m.getWeights().get(i).data());
    }
    assertEquals(0, m.optimizer().iterations());
    m.fit(x.reshape(-1, 28, 28, 1), Tensor.zeros(4), new FitOptions().verbose(0));
    assertEquals(1, m.optimizer().iterations());
  }

  @Test
  void aConvolutionOnFlatSamplesSaysHowToAddTheChannelAxis() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Sequential(new Input(28, 28), new Conv2D(2, 3)));
    assertTrue(e.getMessage().contains("expects input of rank 4, (None, height, width, "
        + "channels), got (None, 28, 28)"), e.getMessage());
    assertTrue(e.getMessage().contains("x.reshape(-1, 28, 28, 1) and new Input(28, 28, 1)"),
        e.getMessage());
  }

  @Test
  void aValidWindowLargerThanTheImageIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Sequential(new Input(4, 9, 1), new Conv2D(2, 3).dilationRate(2)));
    assertTrue(e.getMessage().contains("height 4 is smaller than the window's 5"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Sequential(new Input(2, 2, 1), new AveragePooling2D(3)));
  }

  @Test
  void badOptionsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Conv2D(0, 3));
    assertThrows(IllegalArgumentException.class, () -> new Conv2D(2, 0));
    assertThrows(IllegalArgumentException.class, () -> new Conv2D(2, 3).padding("full"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Conv2D(2, 3).strides(2).dilationRate(2));
    assertTrue(e.getMessage().contains("cannot be combined"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(2).strides(0));
    assertThrows(IllegalArgumentException.class, () -> new Reshape(2, -1, -1).build(new int[] {8}));
    IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
        () -> new Sequential(new Input(10), new Reshape(3, 3)));
    assertTrue(r.getMessage().contains("cannot reshape input (None, 10)"), r.getMessage());
    Conv2D built = new Conv2D(2, 3);
    new Sequential(new Input(5, 5, 1), built);
    assertThrows(IllegalStateException.class, () -> built.padding("same"));
  }
}
