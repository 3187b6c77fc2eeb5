package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled subset and the fallback to it; these run everywhere. */
class FashionMnistTest {
  private static final Dataset SUBSET = FashionMnist.loadBundledSubset();

  @TempDir Path root;

  private static int[] counts(Tensor labels) {
    int[] c = new int[10];
    for (int label : labels.toIntArray()) {
      c[label]++;
    }
    return c;
  }

  @Test
  void classNamesAreTheDatasetAuthors() {
    assertEquals(
        List.of(
            "T-shirt/top",
            "Trouser",
            "Pullover",
            "Dress",
            "Coat",
            "Sandal",
            "Shirt",
            "Sneaker",
            "Bag",
            "Ankle boot"),
        FashionMnist.CLASS_NAMES);
    assertArrayEquals(
        new String[] {"Ankle boot", "T-shirt/top", "Dress"},
        FashionMnist.captions(Tensor.ofLabels(new int[] {9, 0, 3})));
    assertThrows(
        IllegalArgumentException.class,
        () -> FashionMnist.captions(Tensor.ofLabels(new int[] {10})));
  }

  @Test
  void subsetHasTheFirst1800TrainingAnd450TestImages() {
    assertArrayEquals(new int[] {1800, 28, 28}, SUBSET.xTrain().shape());
    assertArrayEquals(new int[] {1800}, SUBSET.yTrain().shape());
    assertArrayEquals(new int[] {450, 28, 28}, SUBSET.xTest().shape());
    assertArrayEquals(new int[] {450}, SUBSET.yTest().shape());
    assertEquals(
        "bundled subset of Fashion-MNIST: 1,800 training and 450 test images", SUBSET.source());
  }

  @Test
  void subsetMatchesTheRealFilesStatistics() {
    // Computed independently from the official files with Python's gzip and NumPy.
    assertArrayEquals(
        new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, SUBSET.yTrain().rows(0, 10).toIntArray());
    assertArrayEquals(
        new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, SUBSET.yTest().rows(0, 10).toIntArray());
    assertArrayEquals(
        new int[] {172, 194, 176, 178, 171, 181, 175, 193, 178, 182}, counts(SUBSET.yTrain()));
    assertArrayEquals(new int[] {46, 49, 59, 39, 52, 37, 45, 42, 40, 41}, counts(SUBSET.yTest()));
    assertEquals(0.2840035, SUBSET.xTrain().mean() / 255, 1e-6);
    assertEquals(0f, SUBSET.xTrain().min());
    assertEquals(255f, SUBSET.xTrain().max());
    float[] first = SUBSET.xTrain().rows(0, 1).data();
    double sum = 0;
    for (float v : first) {
      sum += v;
    }
    assertEquals(76247, sum, "the pixel sum of the first training image");
  }

  @Test
  void fallsBackToTheSubsetWithALoudWarning() {
    Places nowhere =
        new Places(k -> null, k -> null, root, root.resolve("absent"), TinyDataset.offline());
    List<String> out = new ArrayList<>();
    DatasetLoader loader =
        new DatasetLoader(FashionMnist.SPEC, nowhere, DownloadListener.silent(), out::add);
    Dataset d = FashionMnist.loadDataOrSubset(loader, out::add);
    assertEquals(1800, d.xTrain().samples());
    assertTrue(d.source().endsWith("450 test images (full set not found)"), d.source());
    assertEquals(1, out.size(), out.toString());
    String warning = out.get(0);
    assertTrue(warning.startsWith("WARNING: Fashion-MNIST not found (TENSILE_DATASETS"), warning);
    assertTrue(
        warning.endsWith("); using the bundled subset of 1,800 training and 450 test images"),
        warning);
  }

  @Test
  void usesTheFullSetWhenThereIsOne() throws Exception {
    TinyDataset tiny = new TinyDataset(3);
    Path dir = tiny.writeTo(root.resolve("tiny"), true);
    Places places = new Places(k -> dir.toString(), k -> null, root, null, TinyDataset.offline());
    List<String> out = new ArrayList<>();
    DatasetLoader loader =
        new DatasetLoader(
            tiny.spec(TinyDataset.DEAD_MIRROR), places, DownloadListener.silent(), out::add);
    Dataset d = FashionMnist.loadDataOrSubset(loader, out::add);
    assertEquals(TinyDataset.TRAIN, d.xTrain().samples());
    assertEquals(List.of("Loaded Tiny from " + d.source()), out);
  }
}
