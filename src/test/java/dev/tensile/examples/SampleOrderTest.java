package dev.tensile.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.datasets.Split;
import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --order FILE} split: a permutation read with checks, its head held out. */
class SampleOrderTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path f = dir.resolve("order.txt");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void theFirstIndicesAreHeldOutInTheirOrder() throws IOException {
    int[] order = SampleOrder.read(file("3\n0\n4\n1\n2\n"), 5);
    assertArrayEquals(new int[] {3, 0, 4, 1, 2}, order);
    Tensor x = Tensor.of(new float[] {0, 10, 20, 30, 40}, 5, 1);
    Tensor y = Tensor.of(new float[] {0, 1, 2, 3, 4}, 5);
    Split split = SampleOrder.split(x, y, order, 2);
    assertArrayEquals(new float[] {30, 0}, split.xTest().data());
    assertArrayEquals(new float[] {3, 0}, split.yTest().data());
    assertArrayEquals(new float[] {40, 10, 20}, split.xTrain().data());
    assertArrayEquals(new float[] {4, 1, 2}, split.yTrain().data());
  }

  @Test
  void whatIsNotAPermutationIsRefusedSayingWhere() throws IOException {
    String[][] cases = {
      {"0\n1\n1\n", "index 3: 1 comes twice"},
      {"0\n5\n1\n", "index 2: 5 is outside 0..2"},
      {"0\nx\n1\n", "index 2: expected a whole number, got 'x'"},
      {"0\n1\n", "has 2 indices; expected 3, one per sample"},
      {"0\n1\n2\n0\n", "has more than 3 indices"},
    };
    for (String[] c : cases) {
      Path f = file(c[0]);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> SampleOrder.read(f, 3));
      assertTrue(e.getMessage().endsWith(c[1]), e.getMessage());
    }
  }

  @Test
  void theOptionIsParsedAndNamedInTheUsage() {
    assertEquals(Path.of("o.txt"), ExampleArgs.parse(new String[] {"--order", "o.txt"}).order());
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> ExampleArgs.parse(new String[] {"--bogus"}));
    assertTrue(e.getMessage().contains("--order FILE"), e.getMessage());
  }
}
