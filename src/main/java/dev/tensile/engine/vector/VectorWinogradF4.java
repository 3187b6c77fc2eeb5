package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.Kernels.L;
import static dev.tensile.engine.vector.Kernels.SPECIES;
import static jdk.incubator.vector.FloatVector.fromArray;

import dev.tensile.engine.ScalarWinogradF4;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.FloatVector;

/**
 * The {@code F(4 x 4, 3 x 3)} Winograd transforms in the Vector API: {@code L} channels of a tile
 * at a time, the last {@code channels mod L} by the portable loops.
 *
 * <p>Each lane does the portable loops' two passes, the same operations in the same order, so the
 * results are their bits. Each pass is a loop over the tile's columns or rows that calls a method
 * doing one column or row, which takes and returns no vector, to keep each compiled body small: a
 * whole tile's Vector API calls are more than JDK 17's compiler inlines into one method, and a
 * vector operation it leaves out runs many times slower. The loads call {@code
 * FloatVector.fromArray} itself, not a helper: the compiler's node budget spares the Vector API's
 * own force-inlined methods, but a helper past it is left as a call that boxes its vector.
 *
 * <p>The input transform's and the input gradient's row passes, the largest, are called through
 * method handles that are not constants, which the compiler never inlines: compiled into the
 * same method as the column pass before them, in some JVM runs on JDK 17 some of their vector
 * operations were left out (in the chapter's model the layer's forward was then 50% slower, in
 * about half the runs); compiled on their own, every run was fast. The handles are called once
 * per tile and vector of channels, and the layers' step took the same time through them as with
 * the compiler told not to inline the two passes.
 */
final class VectorWinogradF4 extends ScalarWinogradF4 {
  /** The engine's kernels. */
  static final VectorWinogradF4 INSTANCE = new VectorWinogradF4();

  private static final int SIDE = 6;

  /**
   * {@link #inputRows}, in a field the compiler does not take for a constant (an instance's final
   * field): a constant handle it would inline.
   */
  private final MethodHandle inputRows;
  /** {@link #inputGradientRows}, held as {@link #inputRows} is. */
  private final MethodHandle inputGradientRows;

  private VectorWinogradF4() {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      inputRows = lookup.findStatic(VectorWinogradF4.class, "inputRows",
          MethodType.methodType(void.class, float[].class, float[][].class, int.class));
      inputGradientRows = lookup.findStatic(VectorWinogradF4.class, "inputGradientRows",
          MethodType.methodType(void.class, float[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the row passes' handles", e);
    }
  }

  /** Returns the thread's buffer of 36 vectors. */
  @Override
  protected float[] tileScratch() {
    return Scratch.current().tile();
  }

  @Override
  protected void inputTile(
      float[] x, int first, int line, int channels, float[][] v, int vi, float[] tile) {
    int upper = SPECIES.loopBound(channels);
    for (int c = 0; c < upper; c += L) {
      for (int s = 0; s < SIDE; s++) {
        inputColumn(x, first + c + s * channels, line, tile, s);
      }
      try {
        inputRows.invokeExact(tile, v, vi + c);
      } catch (Throwable t) {
        throw unchecked(t);
      }
    }
    inputTile(x, first, line, channels, v, vi, tile, upper, channels);
  }

  /** {@code B^T d} of the column of six vectors from {@code x[p]}, into column s of the tile. */
  private static void inputColumn(float[] x, int p, int line, float[] tile, int s) {
    FloatVector d0 = fromArray(SPECIES, x, p);
    FloatVector d1 = fromArray(SPECIES, x, p + line);
    FloatVector d2 = fromArray(SPECIES, x, p + 2 * line);
    FloatVector d3 = fromArray(SPECIES, x, p + 3 * line);
    FloatVector d4 = fromArray(SPECIES, x, p + 4 * line);
    FloatVector d5 = fromArray(SPECIES, x, p + 5 * line);
    FloatVector cc = d4.sub(d2);
    FloatVector a = d4.sub(d2.mul(4f));
    FloatVector b = d3.sub(d1.mul(4f));
    FloatVector e = d3.sub(d1).mul(2f);
    cc.add(d0.sub(d2).mul(4f)).intoArray(tile, s * L);
    a.add(b).intoArray(tile, (SIDE + s) * L);
    a.sub(b).intoArray(tile, (2 * SIDE + s) * L);
    cc.add(e).intoArray(tile, (3 * SIDE + s) * L);
    cc.sub(e).intoArray(tile, (4 * SIDE + s) * L);
    d5.sub(d3).add(d1.sub(d3).mul(4f)).intoArray(tile, (5 * SIDE + s) * L);
  }

  /** The tile's six rows times B, into {@code v[6 r + j][i]}; called through its handle. */
  private static void inputRows(float[] tile, float[][] v, int i) {
    for (int r = 0; r < SIDE; r++) {
      inputRow(tile, r, v, i);
    }
  }

  /** Row r of the tile times B: the same combinations, into {@code v[6 r + j][i]}. */
  private static void inputRow(float[] tile, int r, float[][] v, int i) {
    int o = SIDE * r;
    FloatVector d0 = fromArray(SPECIES, tile, o * L);
    FloatVector d1 = fromArray(SPECIES, tile, (o + 1) * L);
    FloatVector d2 = fromArray(SPECIES, tile, (o + 2) * L);
    FloatVector d3 = fromArray(SPECIES, tile, (o + 3) * L);
    FloatVector d4 = fromArray(SPECIES, tile, (o + 4) * L);
    FloatVector d5 = fromArray(SPECIES, tile, (o + 5) * L);
    FloatVector cc = d4.sub(d2);
    FloatVector a = d4.sub(d2.mul(4f));
    FloatVector b = d3.sub(d1.mul(4f));
    FloatVector e = d3.sub(d1).mul(2f);
    cc.add(d0.sub(d2).mul(4f)).intoArray(v[o], i);
    a.add(b).intoArray(v[o + 1], i);
    a.sub(b).intoArray(v[o + 2], i);
    cc.add(e).intoArray(v[o + 3], i);
    cc.sub(e).intoArray(v[o + 4], i);
    d5.sub(d3).add(d1.sub(d3).mul(4f)).intoArray(v[o + 5], i);
  }

  @Override
  protected void outputTile(
      float[][] m, int mi, float[] y, int first, int line, int filters, float[] tile) {
    int upper = SPECIES.loopBound(filters);
    for (int k = 0; k < upper; k += L) {
      for (int s = 0; s < SIDE; s++) {
        outputColumn(m, s, mi + k, tile);
      }
      for (int r = 0; r < 4; r++) {
        outputRow(tile, r, y, first + r * line + k, filters);
      }
    }
    outputTile(m, mi, y, first, line, filters, tile, upper, filters);
  }

  /** {@code A^T M} of column s, {@code m[6 j + s][i]}, into rows 0 to 3 of the tile's column s. */
  private static void outputColumn(float[][] m, int s, int i, float[] tile) {
    FloatVector m0 = fromArray(SPECIES, m[s], i);
    FloatVector m1 = fromArray(SPECIES, m[SIDE + s], i);
    FloatVector m2 = fromArray(SPECIES, m[2 * SIDE + s], i);
    FloatVector m3 = fromArray(SPECIES, m[3 * SIDE + s], i);
    FloatVector m4 = fromArray(SPECIES, m[4 * SIDE + s], i);
    FloatVector m5 = fromArray(SPECIES, m[5 * SIDE + s], i);
    FloatVector p = m1.add(m2);
    FloatVector q = m1.sub(m2);
    FloatVector r = m3.add(m4);
    FloatVector d = m3.sub(m4);
    m0.add(p).add(r).intoArray(tile, s * L);
    q.add(d.mul(2f)).intoArray(tile, (SIDE + s) * L);
    p.add(r.mul(4f)).intoArray(tile, (2 * SIDE + s) * L);
    q.add(d.mul(8f)).add(m5).intoArray(tile, (3 * SIDE + s) * L);
  }

  /** Row {@code row} of the tile times A: four outputs from {@code y[at]}, {@code step} apart. */
  private static void outputRow(float[] tile, int row, float[] y, int at, int step) {
    int o = SIDE * row;
    FloatVector m0 = fromArray(SPECIES, tile, o * L);
    FloatVector m1 = fromArray(SPECIES, tile, (o + 1) * L);
    FloatVector m2 = fromArray(SPECIES, tile, (o + 2) * L);
    FloatVector m3 = fromArray(SPECIES, tile, (o + 3) * L);
    FloatVector m4 = fromArray(SPECIES, tile, (o + 4) * L);
    FloatVector m5 = fromArray(SPECIES, tile, (o + 5) * L);
    FloatVector p = m1.add(m2);
    FloatVector q = m1.sub(m2);
    FloatVector r = m3.add(m4);
    FloatVector d = m3.sub(m4);
    m0.add(p).add(r).intoArray(y, at);
    q.add(d.mul(2f)).intoArray(y, at + step);
    p.add(r.mul(4f)).intoArray(y, at + 2 * step);
    q.add(d.mul(8f)).add(m5).intoArray(y, at + 3 * step);
  }

  @Override
  protected void outputGradientTile(
      float[] dy, int first, int line, int filters, float[][] dm, int mi, float[] tile) {
    int upper = SPECIES.loopBound(filters);
    for (int k = 0; k < upper; k += L) {
      for (int s = 0; s < 4; s++) {
        gradientColumn(dy, first + k + s * filters, line, tile, s);
      }
      for (int r = 0; r < SIDE; r++) {
        gradientRow(tile, r, dm, mi + k);
      }
    }
    outputGradientTile(dy, first, line, filters, dm, mi, tile, upper, filters);
  }

  /** {@code A g} of the column of four vectors from {@code dy[o]}, into column s of 6 rows of 4. */
  private static void gradientColumn(float[] dy, int o, int line, float[] tile, int s) {
    FloatVector g0 = fromArray(SPECIES, dy, o);
    FloatVector g1 = fromArray(SPECIES, dy, o + line);
    FloatVector g2 = fromArray(SPECIES, dy, o + 2 * line);
    FloatVector g3 = fromArray(SPECIES, dy, o + 3 * line);
    FloatVector e = g0.add(g2);
    FloatVector odd = g1.add(g3);
    FloatVector f = g0.add(g2.mul(4f));
    FloatVector h = g1.add(g3.mul(4f)).mul(2f);
    g0.intoArray(tile, s * L);
    e.add(odd).intoArray(tile, (4 + s) * L);
    e.sub(odd).intoArray(tile, (8 + s) * L);
    f.add(h).intoArray(tile, (12 + s) * L);
    f.sub(h).intoArray(tile, (16 + s) * L);
    g3.intoArray(tile, (20 + s) * L);
  }

  /** Row r of the 6 x 4 tile times A^T: the same combinations, into {@code dm[6 r + j][i]}. */
  private static void gradientRow(float[] tile, int r, float[][] dm, int i) {
    FloatVector g0 = fromArray(SPECIES, tile, 4 * r * L);
    FloatVector g1 = fromArray(SPECIES, tile, (4 * r + 1) * L);
    FloatVector g2 = fromArray(SPECIES, tile, (4 * r + 2) * L);
    FloatVector g3 = fromArray(SPECIES, tile, (4 * r + 3) * L);
    FloatVector e = g0.add(g2);
    FloatVector odd = g1.add(g3);
    FloatVector f = g0.add(g2.mul(4f));
    FloatVector h = g1.add(g3.mul(4f)).mul(2f);
    int o = SIDE * r;
    g0.intoArray(dm[o], i);
    e.add(odd).intoArray(dm[o + 1], i);
    e.sub(odd).intoArray(dm[o + 2], i);
    f.add(h).intoArray(dm[o + 3], i);
    f.sub(h).intoArray(dm[o + 4], i);
    g3.intoArray(dm[o + 5], i);
  }

  @Override
  protected void inputGradientTile(
      float[][] dv, int vi, float[] dx, int first, int line, int channels, float[] tile) {
    int upper = SPECIES.loopBound(channels);
    for (int c = 0; c < upper; c += L) {
      for (int s = 0; s < SIDE; s++) {
        inputGradientColumn(dv, s, vi + c, tile);
      }
      try {
        inputGradientRows.invokeExact(tile);
      } catch (Throwable t) {
        throw unchecked(t);
      }
      addWindow(tile, dx, first + c, line, channels);
    }
    inputGradientTile(dv, vi, dx, first, line, channels, tile, upper, channels);
  }

  /** {@code B dV} of column s, {@code dv[6 j + s][i]}, into column s of the tile. */
  private static void inputGradientColumn(float[][] dv, int s, int i, float[] tile) {
    FloatVector v0 = fromArray(SPECIES, dv[s], i);
    FloatVector v1 = fromArray(SPECIES, dv[SIDE + s], i);
    FloatVector v2 = fromArray(SPECIES, dv[2 * SIDE + s], i);
    FloatVector v3 = fromArray(SPECIES, dv[3 * SIDE + s], i);
    FloatVector v4 = fromArray(SPECIES, dv[4 * SIDE + s], i);
    FloatVector v5 = fromArray(SPECIES, dv[5 * SIDE + s], i);
    FloatVector sum = v1.add(v2);
    FloatVector difference = v1.sub(v2);
    FloatVector sum2 = v3.add(v4);
    FloatVector difference2 = v3.sub(v4);
    v0.mul(4f).intoArray(tile, s * L);
    v5.sub(difference).mul(4f).sub(difference2.mul(2f)).intoArray(tile, (SIDE + s) * L);
    sum.mul(4f).add(sum2).add(v0.mul(5f)).neg().intoArray(tile, (2 * SIDE + s) * L);
    difference.add(difference2.mul(2f)).sub(v5.mul(5f)).intoArray(tile, (3 * SIDE + s) * L);
    v0.add(sum).add(sum2).intoArray(tile, (4 * SIDE + s) * L);
    v5.intoArray(tile, (5 * SIDE + s) * L);
  }

  /** The tile's six rows times B^T, over the tile; called through its handle. */
  private static void inputGradientRows(float[] tile) {
    for (int r = 0; r < SIDE; r++) {
      inputGradientRow(tile, r);
    }
  }

  /** Row r of the tile times B^T, over the row itself (its last vector stays as it is). */
  private static void inputGradientRow(float[] tile, int r) {
    int o = SIDE * r * L;
    FloatVector v0 = fromArray(SPECIES, tile, o);
    FloatVector v1 = fromArray(SPECIES, tile, o + L);
    FloatVector v2 = fromArray(SPECIES, tile, o + 2 * L);
    FloatVector v3 = fromArray(SPECIES, tile, o + 3 * L);
    FloatVector v4 = fromArray(SPECIES, tile, o + 4 * L);
    FloatVector v5 = fromArray(SPECIES, tile, o + 5 * L);
    FloatVector sum = v1.add(v2);
    FloatVector difference = v1.sub(v2);
    FloatVector sum2 = v3.add(v4);
    FloatVector difference2 = v3.sub(v4);
    v0.mul(4f).intoArray(tile, o);
    v5.sub(difference).mul(4f).sub(difference2.mul(2f)).intoArray(tile, o + L);
    sum.mul(4f).add(sum2).add(v0.mul(5f)).neg().intoArray(tile, o + 2 * L);
    difference.add(difference2.mul(2f)).sub(v5.mul(5f)).intoArray(tile, o + 3 * L);
    v0.add(sum).add(sum2).intoArray(tile, o + 4 * L);
  }

  /** Adds the tile's 6 x 6 vectors onto the window whose first vector is {@code dx[first]}. */
  private static void addWindow(float[] tile, float[] dx, int first, int line, int channels) {
    for (int r = 0; r < SIDE; r++) {
      for (int s = 0; s < SIDE; s++) {
        int at = first + r * line + s * channels;
        FloatVector t = fromArray(SPECIES, tile, (SIDE * r + s) * L);
        fromArray(SPECIES, dx, at).add(t).intoArray(dx, at);
      }
    }
  }

  /**
   * What a row pass threw, to throw on: the passes throw only unchecked exceptions (a bad index),
   * which go on as they are.
   */
  private static RuntimeException unchecked(Throwable t) {
    if (t instanceof RuntimeException) {
      return (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new IllegalStateException("a row pass failed", t);
  }
}
