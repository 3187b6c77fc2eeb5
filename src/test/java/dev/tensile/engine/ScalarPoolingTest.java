package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The pooling contract for the portable kernels, which the EJML engine hands out. */
class ScalarPoolingTest extends PoolingContract {
  @Override
  protected Pooling kernels() {
    return ScalarPooling.INSTANCE;
  }

  @Test
  void theEjmlEngineUsesThePortableKernels() {
    assertSame(ScalarPooling.INSTANCE, new EjmlEngine().pooling());
  }
}
