package dev.tensile.spark;

import dev.tensile.data.Sample;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;

/**
 * One partition's samples packed into two contiguous arrays, cached by Spark for the whole run so
 * every round reads them without deserialising rows again.
 */
final class Block implements Serializable {
  private static final long serialVersionUID = 1L;

  final int partition;
  final int count;
  final int inputSize;
  final int targetSize;
  final float[] inputs;
  final float[] targets;

  private Block(int partition, int count, int inputSize, int targetSize, float[] x, float[] y) {
    this.partition = partition;
    this.count = count;
    this.inputSize = inputSize;
    this.targetSize = targetSize;
    this.inputs = x;
    this.targets = y;
  }

  /** Packs a partition's samples, checking that each has the expected lengths. */
  static Block pack(int partition, Iterator<Sample> samples, int inputSize, int targetSize) {
    float[] x = new float[inputSize * 64];
    float[] y = new float[targetSize * 64];
    int n = 0;
    while (samples.hasNext()) {
      Sample s = samples.next();
      if (s == null || s.inputs().length != inputSize || s.targets().length != targetSize) {
        throw new IllegalArgumentException(
            "partition " + partition + ", sample " + n + ": expected " + inputSize + " inputs and "
                + targetSize + " targets, got " + (s == null ? "no sample"
                    : s.inputs().length + " and " + s.targets().length));
      }
      if ((long) (n + 1) * inputSize > x.length) {
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * x.length);
        x = Arrays.copyOf(x, grown);
        y = Arrays.copyOf(y, (int) Math.min(Integer.MAX_VALUE - 8, 2L * y.length));
      }
      System.arraycopy(s.inputs(), 0, x, n * inputSize, inputSize);
      System.arraycopy(s.targets(), 0, y, n * targetSize, targetSize);
      n++;
    }
    return new Block(partition, n, inputSize, targetSize,
        Arrays.copyOf(x, n * inputSize), Arrays.copyOf(y, n * targetSize));
  }
}
