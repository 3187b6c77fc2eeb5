package dev.tensile.engine.vector;

import static dev.tensile.engine.vector.Kernels.L;
import static dev.tensile.engine.vector.Kernels.SPECIES;

import dev.tensile.engine.PoolTiles;
import dev.tensile.engine.ScalarPooling;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The pooling kernels in the Vector API: {@code L} channels of a tile at a time, the last {@code
 * channels mod L} by the portable loops. They use comparisons and blends only (JDK 17 compiles
 * those to vector instructions, not the logic between masks), and each lane follows the portable
 * loop's steps, so the results are its bits.
 */
final class VectorPooling extends ScalarPooling {
  /** The engine's kernels. */
  static final VectorPooling INSTANCE = new VectorPooling();

  private static final FloatVector ZERO = FloatVector.zero(SPECIES);
  private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);
  private static final FloatVector TWO = FloatVector.broadcast(SPECIES, 2f);
  private static final FloatVector THREE = FloatVector.broadcast(SPECIES, 3f);

  private VectorPooling() {}

  /**
   * One tile, {@code L} channels at a time. The 2 x 2 tile is written out: JDK 17 keeps vectors
   * that live across a loop's iterations in objects, and a loop over four taps costs more than
   * the arithmetic.
   */
  @Override
  protected void poolTile(
      PoolTiles tiles, float[] x, float[] y, float[] winner, int first, int out) {
    int c = tiles.channels();
    int upper = SPECIES.loopBound(c);
    int line = tiles.width() * c;
    boolean square2 = tiles.poolHeight() == 2 && tiles.poolWidth() == 2;
    for (int k = 0; k < upper; k += L) {
      if (square2) {
        pool2x2(x, first + k, c, line, y, winner, out + k);
        continue;
      }
      FloatVector m = FloatVector.fromArray(SPECIES, x, first + k);
      FloatVector w = ZERO;
      int t = 0;
      for (int i = 0; i < tiles.poolHeight(); i++) {
        for (int j = 0; j < tiles.poolWidth(); j++, t++) {
          FloatVector v = FloatVector.fromArray(SPECIES, x, first + i * line + j * c + k);
          VectorMask<Float> larger = v.compare(VectorOperators.GT, m);
          m = m.blend(v, larger);
          w = w.blend(t, larger);
        }
      }
      m.intoArray(y, out + k);
      w.intoArray(winner, out + k);
    }
    if (upper < c) {
      maxPoolTile(tiles, x, y, winner, first, out, upper, c);
    }
  }

  /** One tile's gradient, {@code L} channels at a time; the 2 x 2 tile written out. */
  @Override
  protected void unpoolTile(
      PoolTiles tiles, float[] winner, float[] dy, float[] dx, int first, int out) {
    int c = tiles.channels();
    int upper = SPECIES.loopBound(c);
    int line = tiles.width() * c;
    boolean square2 = tiles.poolHeight() == 2 && tiles.poolWidth() == 2;
    for (int k = 0; k < upper; k += L) {
      if (square2) {
        unpool2x2(winner, dy, out + k, dx, first + k, c, line);
        continue;
      }
      FloatVector w = FloatVector.fromArray(SPECIES, winner, out + k);
      FloatVector g = FloatVector.fromArray(SPECIES, dy, out + k);
      int t = 0;
      for (int i = 0; i < tiles.poolHeight(); i++) {
        for (int j = 0; j < tiles.poolWidth(); j++, t++) {
          ZERO.blend(g, w.compare(VectorOperators.EQ, t))
              .intoArray(dx, first + i * line + j * c + k);
        }
      }
    }
    if (upper < c) {
      maxPoolTileBackward(tiles, winner, dy, dx, first, out, upper, c);
    }
  }

  /** One vector of channels of a 2 x 2 tile whose first pixel is at {@code at}. */
  private static void pool2x2(
      float[] x, int at, int c, int line, float[] y, float[] winner, int out) {
    FloatVector m = FloatVector.fromArray(SPECIES, x, at);
    FloatVector w = ZERO;
    FloatVector v = FloatVector.fromArray(SPECIES, x, at + c);
    VectorMask<Float> larger = v.compare(VectorOperators.GT, m);
    m = m.blend(v, larger);
    w = w.blend(ONE, larger);
    v = FloatVector.fromArray(SPECIES, x, at + line);
    larger = v.compare(VectorOperators.GT, m);
    m = m.blend(v, larger);
    w = w.blend(TWO, larger);
    v = FloatVector.fromArray(SPECIES, x, at + line + c);
    larger = v.compare(VectorOperators.GT, m);
    m.blend(v, larger).intoArray(y, out);
    w.blend(THREE, larger).intoArray(winner, out);
  }

  /** The gradient of {@link #pool2x2}. */
  private static void unpool2x2(
      float[] winner, float[] dy, int out, float[] dx, int at, int c, int line) {
    FloatVector w = FloatVector.fromArray(SPECIES, winner, out);
    FloatVector g = FloatVector.fromArray(SPECIES, dy, out);
    ZERO.blend(g, w.compare(VectorOperators.EQ, ZERO)).intoArray(dx, at);
    ZERO.blend(g, w.compare(VectorOperators.EQ, ONE)).intoArray(dx, at + c);
    ZERO.blend(g, w.compare(VectorOperators.EQ, TWO)).intoArray(dx, at + line);
    ZERO.blend(g, w.compare(VectorOperators.EQ, THREE)).intoArray(dx, at + line + c);
  }
}
