package dev.tensile.engine;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The Winograd contract for the portable transforms, which the EJML engine hands out. */
class ScalarWinogradTest extends WinogradContract {
  @Override
  protected Winograd kernels() {
    return ScalarWinograd.INSTANCE;
  }

  @Test
  void theEjmlEngineUsesThePortableTransforms() {
    assertSame(ScalarWinograd.INSTANCE, new EjmlEngine().winograd());
  }
}
