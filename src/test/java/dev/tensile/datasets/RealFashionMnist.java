package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Fashion-MNIST for the tests that need it, loaded once per JVM. Each test asks for it
 * in its own body, so that where the data is missing every such test is reported skipped, by
 * name, with the reason (an abort in {@code @BeforeAll} would hide parameterized tests instead).
 * Under CI ({@code CI=true}), which installs the data, a missing data set fails.
 *
 * <p>The system property {@value #DIR_PROPERTY} replaces Debian's directory, so that {@code
 * -Dtensile.test.fashionMnistDir=/nonexistent} shows what a machine without the package reports.
 */
public final class RealFashionMnist {
  /** The system property that replaces Debian's directory in these tests. */
  public static final String DIR_PROPERTY = "tensile.test.fashionMnistDir";

  private static Dataset data;
  private static String missing;

  private RealFashionMnist() {}

  /**
   * Returns where these tests expect Debian's copy.
   *
   * @return {@value #DIR_PROPERTY} if set, else {@link FashionMnist#DEBIAN_DIR}
   */
  public static Path debianDir() {
    return Path.of(System.getProperty(DIR_PROPERTY, FashionMnist.DEBIAN_DIR));
  }

  /**
   * Returns the full data set from the first place that has it, as {@link FashionMnist#loadData()}
   * does, or aborts the calling test (fails it under CI).
   *
   * @return the 60,000 training and 10,000 test images and labels
   */
  public static synchronized Dataset require() {
    if (data == null && missing == null) {
      Places system = Places.system(FashionMnist.SPEC);
      Places places =
          new Places(
              system.properties(),
              system.environment(),
              system.cacheRoot(),
              debianDir(),
              system.downloader());
      try {
        data =
            new DatasetLoader(FashionMnist.SPEC, places, DownloadListener.silent(), n -> {}).load();
      } catch (DatasetUnavailableException e) {
        missing = e.summary();
      }
    }
    if (missing != null) {
      skipOrFail("Fashion-MNIST is not installed (" + missing + ")");
    }
    return data;
  }

  /**
   * Aborts the calling test because real data is missing, or fails it under CI.
   *
   * @param reason what is missing
   */
  static void skipOrFail(String reason) {
    if ("true".equals(System.getenv("CI"))) {
      fail("CI must have the real Fashion-MNIST (the Debian package dataset-fashion-mnist): "
          + reason);
    }
    Assumptions.abort(reason);
  }
}
