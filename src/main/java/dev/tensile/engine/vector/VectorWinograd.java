package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.Kernels.L;
import static dev.tensile.engine.vector.Kernels.SPECIES;

import dev.tensile.engine.ScalarWinograd;
import jdk.incubator.vector.FloatVector;

/**
 * The Winograd transforms in the Vector API: {@code L} channels of a tile at a time, the last
 * {@code channels mod L} by the portable loops.
 *
 * <p>Each lane does the portable loops' two passes, the same operations on the same values, so
 * the results are their bits. The passes go through the thread's tile buffer as short loops of a
 * few operations: written out whole, a tile's transform is so many Vector API calls that JDK 17's
 * compiler stops inlining them partway, and the calls it leaves out run many times slower.
 */
final class VectorWinograd extends ScalarWinograd {
  /** The engine's kernels. */
  static final VectorWinograd INSTANCE = new VectorWinograd();

  private VectorWinograd() {}

  /** Returns the thread's buffer of 16 vectors. */
  @Override
  protected float[] tileScratch() {
    return Scratch.current().tile();
  }

  @Override
  protected void inputTile(
      float[] x, int first, int line, int channels, float[][] v, int vi, float[] tile) {
    int upper = SPECIES.loopBound(channels);
    for (int c = 0; c < upper; c += L) {
      // B^T d column by column: rows (0 - 2, 1 + 2, 2 - 1, 1 - 3), into tile[r][s].
      for (int s = 0; s < 4; s++) {
        int p = first + c + s * channels;
        FloatVector x0 = load(x, p);
        FloatVector x1 = load(x, p + line);
        FloatVector x2 = load(x, p + 2 * line);
        FloatVector x3 = load(x, p + 3 * line);
        x0.sub(x2).intoArray(tile, s * L);
        x1.add(x2).intoArray(tile, (4 + s) * L);
        x2.sub(x1).intoArray(tile, (8 + s) * L);
        x1.sub(x3).intoArray(tile, (12 + s) * L);
      }
      // Then times B row by row: the same four combinations of the row's columns.
      int i = vi + c;
      for (int r = 0; r < 4; r++) {
        FloatVector t0 = load(tile, 4 * r * L);
        FloatVector t1 = load(tile, (4 * r + 1) * L);
        FloatVector t2 = load(tile, (4 * r + 2) * L);
        FloatVector t3 = load(tile, (4 * r + 3) * L);
        t0.sub(t2).intoArray(v[4 * r], i);
        t1.add(t2).intoArray(v[4 * r + 1], i);
        t2.sub(t1).intoArray(v[4 * r + 2], i);
        t1.sub(t3).intoArray(v[4 * r + 3], i);
      }
    }
    inputTile(x, first, line, channels, v, vi, tile, upper, channels);
  }

  @Override
  protected void outputTile(
      float[][] m, int mi, float[] y, int first, int line, int filters, float[] tile) {
    int upper = SPECIES.loopBound(filters);
    for (int k = 0; k < upper; k += L) {
      int i = mi + k;
      // A^T M column by column: rows (0 + 1 + 2, 1 - 2 - 3), into tile[r][s].
      for (int s = 0; s < 4; s++) {
        FloatVector m0 = load(m[s], i);
        FloatVector m1 = load(m[4 + s], i);
        FloatVector m2 = load(m[8 + s], i);
        FloatVector m3 = load(m[12 + s], i);
        m0.add(m1).add(m2).intoArray(tile, s * L);
        m1.sub(m2).sub(m3).intoArray(tile, (4 + s) * L);
      }
      // Then times A row by row.
      for (int r = 0; r < 2; r++) {
        FloatVector t0 = load(tile, 4 * r * L);
        FloatVector t1 = load(tile, (4 * r + 1) * L);
        FloatVector t2 = load(tile, (4 * r + 2) * L);
        FloatVector t3 = load(tile, (4 * r + 3) * L);
        int o = first + r * line + k;
        t0.add(t1).add(t2).intoArray(y, o);
        t1.sub(t2).sub(t3).intoArray(y, o + filters);
      }
    }
    outputTile(m, mi, y, first, line, filters, tile, upper, filters);
  }

  @Override
  protected void outputGradientTile(
      float[] dy, int first, int line, int filters, float[][] dm, int mi, float[] tile) {
    int upper = SPECIES.loopBound(filters);
    for (int k = 0; k < upper; k += L) {
      // A g column by column: rows (0, 0 + 1, 0 - 1, -1), into tile[r][s].
      for (int s = 0; s < 2; s++) {
        int o = first + k + s * filters;
        FloatVector g0 = load(dy, o);
        FloatVector g1 = load(dy, o + line);
        g0.intoArray(tile, s * L);
        g0.add(g1).intoArray(tile, (2 + s) * L);
        g0.sub(g1).intoArray(tile, (4 + s) * L);
        g1.neg().intoArray(tile, (6 + s) * L);
      }
      // Then times A^T row by row: the same combinations of the row's two columns.
      int i = mi + k;
      for (int r = 0; r < 4; r++) {
        FloatVector h0 = load(tile, 2 * r * L);
        FloatVector h1 = load(tile, (2 * r + 1) * L);
        h0.intoArray(dm[4 * r], i);
        h0.add(h1).intoArray(dm[4 * r + 1], i);
        h0.sub(h1).intoArray(dm[4 * r + 2], i);
        h1.neg().intoArray(dm[4 * r + 3], i);
      }
    }
    outputGradientTile(dy, first, line, filters, dm, mi, tile, upper, filters);
  }

  @Override
  protected void inputGradientTile(
      float[][] dv, int vi, float[] dx, int first, int line, int channels, float[] tile) {
    int upper = SPECIES.loopBound(channels);
    for (int c = 0; c < upper; c += L) {
      int i = vi + c;
      // B dV column by column: rows (0, 1 - 2 + 3, 1 + 2 - 0, -3), into tile[r][s].
      for (int s = 0; s < 4; s++) {
        FloatVector v0 = load(dv[s], i);
        FloatVector v1 = load(dv[4 + s], i);
        FloatVector v2 = load(dv[8 + s], i);
        FloatVector v3 = load(dv[12 + s], i);
        v0.intoArray(tile, s * L);
        v1.sub(v2).add(v3).intoArray(tile, (4 + s) * L);
        v1.add(v2).sub(v0).intoArray(tile, (8 + s) * L);
        v3.neg().intoArray(tile, (12 + s) * L);
      }
      // Then times B^T row by row, added onto the window's rows.
      for (int r = 0; r < 4; r++) {
        FloatVector t0 = load(tile, 4 * r * L);
        FloatVector t1 = load(tile, (4 * r + 1) * L);
        FloatVector t2 = load(tile, (4 * r + 2) * L);
        FloatVector t3 = load(tile, (4 * r + 3) * L);
        int p = first + r * line + c;
        load(dx, p).add(t0).intoArray(dx, p);
        p += channels;
        load(dx, p).add(t1.sub(t2).add(t3)).intoArray(dx, p);
        p += channels;
        load(dx, p).add(t1.add(t2).sub(t0)).intoArray(dx, p);
        p += channels;
        load(dx, p).sub(t3).intoArray(dx, p);
      }
    }
    inputGradientTile(dv, vi, dx, first, line, channels, tile, upper, channels);
  }

  private static FloatVector load(float[] a, int i) {
    return FloatVector.fromArray(SPECIES, a, i);
  }
}
