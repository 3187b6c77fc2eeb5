package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensile.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Fashion-MNIST from Debian's package {@code dataset-fashion-mnist}. Each test is skipped
 * where the package is absent, except in CI ({@code CI=true}), which installs it: there its absence
 * fails.
 */
class FashionMnistRealDataTest {
  private static final List<String> NOTICES = new ArrayList<>();
  private static Dataset loaded;

  @TempDir static Path emptyCache;

  /** The data from Debian's directory alone; where it is missing, the calling test is skipped. */
  private static synchronized Dataset data() throws Exception {
    Path debian = RealFashionMnist.debianDir();
    boolean present =
        FashionMnist.SPEC.files().stream()
            .allMatch(f -> Files.isRegularFile(debian.resolve(f.name())));
    if (!present) {
      RealFashionMnist.skipOrFail(
          "Debian package dataset-fashion-mnist is not installed: " + debian + " lacks its files");
    }
    if (loaded == null) {
      Places debianOnly =
          new Places(k -> null, k -> null, emptyCache, debian, TinyDataset.offline());
      loaded =
          new DatasetLoader(FashionMnist.SPEC, debianOnly, DownloadListener.silent(), NOTICES::add)
              .load();
    }
    return loaded;
  }

  @AfterAll
  static void release() {
    loaded = null;
  }

  private static double[] meanAndStd(Tensor x) {
    double sum = 0;
    double squares = 0;
    for (float v : x.data()) {
      double p = v / 255.0;
      sum += p;
      squares += p * p;
    }
    double mean = sum / x.size();
    return new double[] {mean, Math.sqrt(squares / x.size() - mean * mean)};
  }

  @Test
  void loadsFromTheDebianPackageAndSaysSo() throws Exception {
    Dataset data = data();
    String source = RealFashionMnist.debianDir() + " (Debian package dataset-fashion-mnist)";
    assertEquals(source, data.source());
    assertEquals(List.of("Loaded Fashion-MNIST from " + source), NOTICES);
  }

  @Test
  void hasKerasShapesAndLabels() throws Exception {
    Dataset data = data();
    assertArrayEquals(new int[] {60000, 28, 28}, data.xTrain().shape());
    assertArrayEquals(new int[] {60000}, data.yTrain().shape());
    assertArrayEquals(new int[] {10000, 28, 28}, data.xTest().shape());
    assertArrayEquals(new int[] {10000}, data.yTest().shape());
    assertArrayEquals(
        new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, data.yTrain().rows(0, 10).toIntArray());
    assertEquals(0f, data.xTrain().min());
    assertEquals(255f, data.xTrain().max());
    assertEquals(4.5, data.yTrain().mean(), 1e-9, "6,000 of each class");
    assertEquals(4.5, data.yTest().mean(), 1e-9, "1,000 of each class");
  }

  @Test
  void pixelStatisticsMatchTheKnownOnes() throws Exception {
    Dataset data = data();
    // Computed independently with Python's gzip and NumPy over the same files.
    double[] train = meanAndStd(data.xTrain());
    assertEquals(0.2860406, train[0], 1e-6);
    assertEquals(0.3530242, train[1], 1e-6);
    double[] test = meanAndStd(data.xTest());
    assertEquals(0.2868493, test[0], 1e-6);
    assertEquals(0.3524442, test[1], 1e-6);
  }

  @Test
  void theBundledSubsetIsTheStartOfTheRealData() throws Exception {
    Dataset data = data();
    Dataset subset = FashionMnist.loadBundledSubset();
    assertArrayEquals(data.xTrain().rows(0, 1800).data(), subset.xTrain().data());
    assertArrayEquals(data.yTrain().rows(0, 1800).data(), subset.yTrain().data());
    assertArrayEquals(data.xTest().rows(0, 450).data(), subset.xTest().data());
    assertArrayEquals(data.yTest().rows(0, 450).data(), subset.yTest().data());
  }
}
