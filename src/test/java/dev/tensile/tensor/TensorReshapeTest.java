package dev.tensile.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code reshape} as NumPy's: shared data, one {@code -1} inferred, clear refusals. */
class TensorReshapeTest {

  @Test
  void addsTheChannelAxisWithMinusOne() {
    Tensor images = Tensor.zeros(6, 28, 28);
    Tensor withChannel = images.reshape(-1, 28, 28, 1);
    assertArrayEquals(new int[] {6, 28, 28, 1}, withChannel.shape());
    assertSame(images.data(), withChannel.data());
    assertArrayEquals(new int[] {6, 784}, images.reshape(6, -1).shape());
    assertArrayEquals(new int[] {4704}, images.reshape(-1).shape());
  }

  @Test
  void refusesTwoUnknownsAndSizesThatDoNotFit() {
    Tensor t = Tensor.zeros(6, 28, 28);
    IllegalArgumentException two =
        assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, -1, 28));
    assertTrue(two.getMessage().contains("only one axis may be -1"), two.getMessage());
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, 5));
    assertTrue(bad.getMessage().contains("cannot reshape (6, 28, 28) (4704 elements)"),
        bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.reshape(6, 28, 27));
    assertThrows(IllegalArgumentException.class, () -> t.reshape(-2, 28, 28));
  }
}
