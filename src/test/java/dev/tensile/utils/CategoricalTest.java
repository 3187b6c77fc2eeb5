package dev.tensile.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tensile.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CategoricalTest {
  @Test
  void eachLabelBecomesAOneInItsColumn() {
    Tensor t = Categorical.toCategorical(Tensor.ofLabels(new int[] {2, 0}), 3);
    assertArrayEquals(new int[] {2, 3}, t.shape());
    assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, t.data());
  }

  @Test
  void labelsOutOfRangeAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Categorical.toCategorical(Tensor.ofLabels(new int[] {3}), 3));
    assertThrows(IllegalArgumentException.class,
        () -> Categorical.toCategorical(Tensor.of(new float[] {0.5f}, 1), 3));
  }
}
