package dev.tensile.engine;

/** The matrix engine contract for the EJML engine. */
class EjmlEngineTest extends MatrixEngineContract {
  @Override
  protected MatrixEngine engine() {
    return new EjmlEngine();
  }
}
