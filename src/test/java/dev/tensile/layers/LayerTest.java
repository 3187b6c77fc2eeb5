package dev.tensile.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.utils.RandomSeed;
import org.junit.jupiter.api.Test;

class LayerTest {

  @Test
  void namesFollowKerasCounters() {
    Names.reset();
    Dense a = new Dense(1);
    Dense b = new Dense(1);
    Flatten f = new Flatten();
    Dense c = new Dense(1).name("custom");
    assertEquals("dense", a.name());
    assertEquals("dense_1", b.name());
    assertEquals("flatten", f.name());
    assertEquals("custom", c.name());
    assertEquals("dense_2", new Dense(1).name());
    assertEquals("input_layer", Names.snakeCase("InputLayer"));
  }

  @Test
  void glorotUniformStaysWithinItsLimitAndHasTheRightSpread() {
    Dense dense = new Dense(100);
    dense.build(new int[] {784});
    float[] w = dense.weights().get(0).value();
    double limit = Math.sqrt(6.0 / (784 + 100));
    double sumSq = 0;
    for (float v : w) {
      assertTrue(Math.abs(v) <= limit, "value " + v + " beyond limit " + limit);
      sumSq += v * v;
    }
    // Uniform(-l, l) has variance l^2 / 3.
    assertEquals(limit * limit / 3, sumSq / w.length, limit * limit / 3 * 0.05);
    for (float v : dense.weights().get(1).value()) {
      assertEquals(0f, v);
    }
  }

  @Test
  void theGlobalSeedMakesInitialisationRepeatable() {
    RandomSeed.set(42);
    Dense a = new Dense(5);
    a.build(new int[] {3});
    RandomSeed.set(42);
    Dense b = new Dense(5);
    b.build(new int[] {3});
    RandomSeed.set(43);
    Dense c = new Dense(5);
    c.build(new int[] {3});
    float[] wa = a.weights().get(0).value();
    assertEquals(java.util.Arrays.toString(wa), java.util.Arrays.toString(b.weights().get(0).value()));
    assertNotEquals(java.util.Arrays.toString(wa),
        java.util.Arrays.toString(c.weights().get(0).value()));
  }

  @Test
  void badArgumentsAreRefusedWithTheValue() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Dense(0))
        .getMessage().contains("0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5))
        .getMessage().contains("1.5"));
    assertThrows(IllegalArgumentException.class, () -> new Input(28, 0));
    Dense built = new Dense(2);
    built.build(new int[] {3});
    assertThrows(IllegalStateException.class, () -> built.build(new int[] {3}));
    assertThrows(IllegalStateException.class, () -> built.useBias(false));
  }

  @Test
  void dropoutKeepsTheExpectedValueAndIsIdentityOutsideTraining() {
    Dropout dropout = new Dropout(0.3, 9);
    dropout.build(new int[] {1000});
    float[] x = new float[1000];
    java.util.Arrays.fill(x, 1f);
    float[] y = dropout.forward(x, 1, true);
    double sum = 0;
    int zeros = 0;
    for (int i = 0; i < 1000; i++) {
      sum += y[i];
      if (y[i] == 0f) {
        zeros++;
      } else {
        assertEquals(1f / 0.7f, y[i], 1e-6);
      }
    }
    assertEquals(1.0, sum / 1000, 0.08);
    assertEquals(300, zeros, 60);
    assertEquals(x, dropout.forward(x, 1, false));
  }

  @Test
  void dropoutMasksRepeatUnderTheSameSeed() {
    Dropout a = new Dropout(0.5, 3);
    Dropout b = new Dropout(0.5, 3);
    a.build(new int[] {50});
    b.build(new int[] {50});
    float[] x = new float[50];
    java.util.Arrays.fill(x, 1f);
    assertEquals(
        java.util.Arrays.toString(a.forward(x, 1, true)),
        java.util.Arrays.toString(b.forward(x, 1, true)));
  }
}
