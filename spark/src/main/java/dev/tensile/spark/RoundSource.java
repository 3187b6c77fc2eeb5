package dev.tensile.spark;

import dev.tensile.data.Batch;
import dev.tensile.data.BatchStream;
import dev.tensile.data.DataSource;
import java.util.Arrays;

/**
 * The samples one replica trains on in one round: the positions {@code [from, to)} of its
 * partition's epoch order, read in that order (the replica's {@code fit} does not shuffle again).
 */
final class RoundSource implements DataSource {
  private final Block block;
  private final int[] inputShape;
  private final int[] targetShape;
  private final int[] order;
  private final int from;
  private final int to;

  RoundSource(Block block, int[] inputShape, int[] targetShape, int[] order, int from, int to) {
    this.block = block;
    this.inputShape = inputShape;
    this.targetShape = targetShape;
    this.order = order;
    this.from = from;
    this.to = to;
  }

  @Override
  public int[] inputShape() {
    return inputShape.clone();
  }

  @Override
  public int[] targetShape() {
    return targetShape.clone();
  }

  @Override
  public long size() {
    return to - from;
  }

  @Override
  public BatchStream open(int batchSize, long seed) {
    throw new UnsupportedOperationException(
        "a round's samples are already in the epoch's order; open it without a seed");
  }

  @Override
  public BatchStream open(int batchSize) {
    return new BatchStream() {
      private int pos = from;

      @Override
      public boolean next(Batch batch) {
        int xs = block.inputSize;
        int ys = block.targetSize;
        int b = Math.min(batchSize, to - pos);
        batch.reserve(Math.max(b, 0), xs, ys);
        if (b <= 0) {
          return false;
        }
        for (int i = 0; i < b; i++) {
          int r = order[pos + i];
          System.arraycopy(block.inputs, r * xs, batch.inputs(), i * xs, xs);
          System.arraycopy(block.targets, r * ys, batch.targets(), i * ys, ys);
        }
        batch.setSize(b);
        pos += b;
        return true;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public String toString() {
    return "RoundSource(partition " + block.partition + ", positions [" + from + ", " + to
        + ") of " + Arrays.toString(inputShape) + " samples)";
  }
}
