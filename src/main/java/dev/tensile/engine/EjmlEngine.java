package dev.tensile.engine;

import dev.tensile.internal.MatrixArguments;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * The portable engine: EJML's {@code CommonOps_FDRM} products on the caller's arrays.
 *
 * <p>EJML matrices are thin wrappers over a {@code float[]}; this engine keeps three wrappers per
 * thread and points them at the caller's arrays before each call, so no data is copied and no
 * object is allocated per product.
 */
public final class EjmlEngine implements MatrixEngine {
  private static final ThreadLocal<FMatrixRMaj[]> WRAPPERS =
      ThreadLocal.withInitial(
          () -> new FMatrixRMaj[] {new FMatrixRMaj(1, 1), new FMatrixRMaj(1, 1), new FMatrixRMaj(1, 1)});

  /** Makes the engine; it holds no state of its own. */
  public EjmlEngine() {}

  @Override
  public void mult(float[] a, float[] b, float[] c, int m, int k, int n) {
    MatrixArguments.check(a, (long) m * k, b, (long) k * n, c, (long) m * n);
    FMatrixRMaj[] w = wrap(a, m, k, b, k, n, c, m, n);
    CommonOps_FDRM.mult(w[0], w[1], w[2]);
  }

  @Override
  public void multTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
    MatrixArguments.check(a, (long) k * m, b, (long) k * n, c, (long) m * n);
    FMatrixRMaj[] w = wrap(a, k, m, b, k, n, c, m, n);
    CommonOps_FDRM.multTransA(w[0], w[1], w[2]);
  }

  @Override
  public void multTransB(float[] a, float[] b, float[] c, int m, int k, int n) {
    MatrixArguments.check(a, (long) m * k, b, (long) n * k, c, (long) m * n);
    FMatrixRMaj[] w = wrap(a, m, k, b, n, k, c, m, n);
    CommonOps_FDRM.multTransB(w[0], w[1], w[2]);
  }

  @Override
  public String name() {
    return "ejml";
  }

  private static FMatrixRMaj[] wrap(
      float[] a, int ar, int ac, float[] b, int br, int bc, float[] c, int cr, int cc) {
    FMatrixRMaj[] w = WRAPPERS.get();
    point(w[0], a, ar, ac);
    point(w[1], b, br, bc);
    point(w[2], c, cr, cc);
    return w;
  }

  private static void point(FMatrixRMaj matrix, float[] data, int rows, int cols) {
    matrix.data = data;
    matrix.numRows = rows;
    matrix.numCols = cols;
  }

  @Override
  public String toString() {
    return "EjmlEngine";
  }
}
