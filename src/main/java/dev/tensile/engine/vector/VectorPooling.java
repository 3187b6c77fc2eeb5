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
 * channels mod L} by the portable loops. Lane-wise maxima and comparisons are exact, so the
 * results are the portable kernels' bits.
 */
final class VectorPooling extends ScalarPooling {
  /** The engine's kernels. */
  static final VectorPooling INSTANCE = new VectorPooling();

  private static final FloatVector ZERO = FloatVector.zero(SPECIES);

  private VectorPooling() {}

  @Override
  public void maxPool(PoolTiles tiles, float[] x, float[] y, int from, int to) {
    int c = tiles.channels();
    int upper = SPECIES.loopBound(c);
    int line = tiles.width() * c;
    for (int n = from; n < to; n++) {
      for (int oh = 0; oh < tiles.outHeight(); oh++) {
        for (int ow = 0; ow < tiles.outWidth(); ow++) {
          int first = tileStart(tiles, n, oh, ow);
          int out = outputStart(tiles, n, oh, ow);
          for (int k = 0; k < upper; k += L) {
            FloatVector m = FloatVector.fromArray(SPECIES, x, first + k);
            for (int i = 0; i < tiles.poolHeight(); i++) {
              for (int j = 0; j < tiles.poolWidth(); j++) {
                m = m.max(FloatVector.fromArray(SPECIES, x, first + i * line + j * c + k));
              }
            }
            m.intoArray(y, out + k);
          }
          if (upper < c) {
            maxPoolTile(tiles, x, y, n, oh, ow, upper, c);
          }
        }
      }
    }
  }

  @Override
  public void maxPoolBackward(
      PoolTiles tiles, float[] x, float[] y, float[] dy, float[] dx, int from, int to) {
    int c = tiles.channels();
    int upper = SPECIES.loopBound(c);
    int line = tiles.width() * c;
    for (int n = from; n < to; n++) {
      clearUntiled(tiles, dx, n);
      for (int oh = 0; oh < tiles.outHeight(); oh++) {
        for (int ow = 0; ow < tiles.outWidth(); ow++) {
          int first = tileStart(tiles, n, oh, ow);
          int out = outputStart(tiles, n, oh, ow);
          for (int k = 0; k < upper; k += L) {
            FloatVector top = FloatVector.fromArray(SPECIES, y, out + k);
            FloatVector g = FloatVector.fromArray(SPECIES, dy, out + k);
            // The lanes whose first match has already taken the gradient.
            VectorMask<Float> taken = SPECIES.maskAll(false);
            for (int i = 0; i < tiles.poolHeight(); i++) {
              for (int j = 0; j < tiles.poolWidth(); j++) {
                int at = first + i * line + j * c + k;
                VectorMask<Float> hit =
                    FloatVector.fromArray(SPECIES, x, at).compare(VectorOperators.EQ, top)
                        .andNot(taken);
                ZERO.blend(g, hit).intoArray(dx, at);
                taken = taken.or(hit);
              }
            }
          }
          if (upper < c) {
            maxPoolTileBackward(tiles, x, y, dy, dx, n, oh, ow, upper, c);
          }
        }
      }
    }
  }
}
