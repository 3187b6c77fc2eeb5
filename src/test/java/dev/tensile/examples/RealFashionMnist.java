package dev.tensile.examples;

import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.DatasetUnavailableException;
import dev.tensile.datasets.FashionMnist;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Fashion-MNIST for the accuracy tests: a test that needs it is skipped where it is
 * absent, except under CI (CI=true), where its absence fails.
 */
final class RealFashionMnist {
  private RealFashionMnist() {}

  /** Loads the data set, or aborts (fails, under CI) the calling test. */
  static Dataset loadOrSkip() {
    try {
      return FashionMnist.loader().withNotices(notice -> { }).load();
    } catch (DatasetUnavailableException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI must have the real Fashion-MNIST: " + e.getMessage(), e);
      }
      Assumptions.abort("Fashion-MNIST is not installed: " + e.getMessage());
      throw new AssertionError("unreachable", e);
    }
  }
}
