package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The element-wise contract for the portable kernels, which the EJML engine hands out. */
class ScalarElementwiseTest extends ElementwiseContract {
  @Override
  protected Elementwise kernels() {
    return ScalarElementwise.INSTANCE;
  }

  @Test
  void theEjmlEngineUsesThePortableKernels() {
    assertSame(ScalarElementwise.INSTANCE, new EjmlEngine().elementwise());
  }
}
