package dev.tensile.data;

import dev.tensile.tensor.Tensor;
import dev.tensile.utils.Rng;
import java.util.Arrays;

/**
 * In-memory inputs and targets, or a range of their samples (a view, not a copy). A shuffled epoch permutes every sample with {@link
 * Rng#shuffle}; the order array is allocated once per source and reused by every epoch.
 */
final class TensorSource implements DataSource {
  private final Tensor x;
  private final Tensor y;
  private final int first;
  private final int n;
  private int[] order;

  TensorSource(Tensor x, Tensor y) {
    this(x, y, 0, x == null ? 0 : x.samples());
  }

  TensorSource(Tensor x, Tensor y, int from, int to) {
    if (x == null || x.rank() < 1) {
      throw new IllegalArgumentException("a tensor source needs inputs with a sample axis");
    }
    if (y != null && (y.rank() < 1 || y.samples() != x.samples())) {
      throw new IllegalArgumentException(
          "x and y must have the same number of samples, but x has shape " + x.shapeString()
              + " and y has shape " + y.shapeString());
    }
    if (from < 0 || to > x.samples() || from > to) {
      throw new IllegalArgumentException(
          "rows [" + from + ", " + to + ") are outside the " + x.samples() + " samples");
    }
    this.x = x;
    this.y = y;
    this.first = from;
    this.n = to - from;
  }

  @Override
  public int[] inputShape() {
    int[] s = x.shape();
    return Arrays.copyOfRange(s, 1, s.length);
  }

  @Override
  public int[] targetShape() {
    if (y == null) {
      return null;
    }
    int[] s = y.shape();
    return Arrays.copyOfRange(s, 1, s.length);
  }

  @Override
  public long size() {
    return n;
  }

  @Override
  public BatchStream open(int batchSize) {
    return new Stream(batchSize, null);
  }

  @Override
  public BatchStream open(int batchSize, long seed) {
    if (order == null) {
      order = new int[n];
    }
    for (int i = 0; i < n; i++) {
      order[i] = first + i;
    }
    new Rng(seed).shuffle(order);
    return new Stream(batchSize, order);
  }

  /** One epoch: consecutive samples, or those {@code order} names. */
  private final class Stream implements BatchStream {
    private final int batchSize;
    private final int[] order;
    private int from;

    Stream(int batchSize, int[] order) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      this.order = order;
    }

    @Override
    public boolean next(Batch batch) {
      int b = Math.min(batchSize, n - from);
      int xs = x.sampleSize();
      int ys = y == null ? 0 : y.sampleSize();
      batch.reserve(Math.max(b, 0), xs, ys);
      if (b <= 0) {
        return false;
      }
      float[] xd = x.data();
      float[] yd = y == null ? null : y.data();
      if (order == null) {
        System.arraycopy(xd, (first + from) * xs, batch.inputs(), 0, b * xs);
        if (yd != null) {
          System.arraycopy(yd, (first + from) * ys, batch.targets(), 0, b * ys);
        }
      } else {
        for (int i = 0; i < b; i++) {
          int r = order[from + i];
          System.arraycopy(xd, r * xs, batch.inputs(), i * xs, xs);
          if (yd != null) {
            System.arraycopy(yd, r * ys, batch.targets(), i * ys, ys);
          }
        }
      }
      batch.setSize(b);
      from += b;
      return true;
    }

    @Override
    public void close() {}
  }
}
