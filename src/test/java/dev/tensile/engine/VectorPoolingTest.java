package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pooling contract for the Vector API kernels; skipped when the JVM lacks {@code
 * jdk.incubator.vector}.
 */
class VectorPoolingTest extends PoolingContract {
  @BeforeAll
  static void needsTheVectorModule() {
    Assumptions.assumeTrue(Engines.vectorAvailable(), "JVM started without jdk.incubator.vector");
  }

  @Override
  protected Pooling kernels() {
    return Engines.vector().pooling();
  }

  @Test
  void theVectorEngineHasKernelsOfItsOwn() {
    assertNotSame(ScalarPooling.INSTANCE, Engines.vector().pooling());
  }
}
