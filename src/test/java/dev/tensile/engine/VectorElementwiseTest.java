package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The element-wise contract for the Vector API kernels; skipped when the JVM lacks {@code
 * jdk.incubator.vector}.
 */
class VectorElementwiseTest extends ElementwiseContract {
  @BeforeAll
  static void needsTheVectorModule() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "JVM started without jdk.incubator.vector");
  }

  @Override
  protected Elementwise kernels() {
    return Engines.vector().elementwise();
  }

  @Test
  void theVectorEngineHasKernelsOfItsOwn() {
    assertNotSame(ScalarElementwise.INSTANCE, Engines.vector().elementwise());
  }
}
