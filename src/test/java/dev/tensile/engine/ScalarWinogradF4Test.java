package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The {@code F(4 x 4, 3 x 3)} contract for the portable transforms, the EJML engine's. */
class ScalarWinogradF4Test extends WinogradF4Contract {
  @Override
  protected WinogradF4 kernels() {
    return ScalarWinogradF4.INSTANCE;
  }

  @Test
  void theEjmlEngineUsesThePortableTransforms() {
    assertSame(ScalarWinogradF4.INSTANCE, new EjmlEngine().winogradF4());
  }
}
