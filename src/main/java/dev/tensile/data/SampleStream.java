package dev.tensile.data;

import dev.tensile.utils.Rng;

/**
 * A {@link BatchStream} over samples read one after another, for sources that cannot jump to an
 * arbitrary sample (iterators, gzip files). A subclass writes one hook, {@link #readSample}; this
 * class batches, and shuffles through a bounded buffer as {@code tf.data}'s {@code
 * shuffle(buffer_size)} does: the buffer is filled with the first {@code capacity} samples, each
 * output is drawn uniformly from it by the seeded generator and its slot refilled with the next
 * sample. Memory is {@code capacity} samples plus the batch, whatever the source's length; a
 * buffer at least as large as the source gives a uniform shuffle.
 */
public abstract class SampleStream implements BatchStream {
  private final int batchSize;
  private final int inputSize;
  private final int targetSize;
  private final Rng rng;
  private final int capacity;
  private float[] bufferInputs;
  private float[] bufferTargets;
  private int buffered = -1;

  /**
   * Sets up batching and, with a seed, shuffling.
   *
   * @param batchSize the most samples per batch
   * @param inputSize floats per sample's inputs
   * @param targetSize floats per sample's targets, 0 for none
   * @param shuffleBuffer samples the shuffle buffer holds; ignored without a seed
   * @param seed the epoch's shuffling seed, or null to keep the stored order
   * @throws IllegalArgumentException if a size is out of range
   */
  protected SampleStream(
      int batchSize, int inputSize, int targetSize, int shuffleBuffer, Long seed) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (seed != null && shuffleBuffer < 1) {
      throw new IllegalArgumentException(
          "shuffleBuffer must be at least 1 sample, got " + shuffleBuffer);
    }
    this.batchSize = batchSize;
    this.inputSize = inputSize;
    this.targetSize = targetSize;
    this.rng = seed == null ? null : new Rng(seed);
    this.capacity = shuffleBuffer;
  }

  /**
   * Reads the next sample in stored order into the given places.
   *
   * @param inputs receives {@code inputSize} floats from {@code inputOffset}
   * @param inputOffset where the inputs go
   * @param targets receives {@code targetSize} floats from {@code targetOffset}
   * @param targetOffset where the targets go
   * @return false, writing nothing, when the epoch has no samples left
   */
  protected abstract boolean readSample(
      float[] inputs, int inputOffset, float[] targets, int targetOffset);

  @Override
  public final boolean next(Batch batch) {
    batch.reserve(batchSize, inputSize, targetSize);
    float[] xs = batch.inputs();
    float[] ys = batch.targets();
    int b = 0;
    while (b < batchSize && nextSample(xs, b * inputSize, ys, b * targetSize)) {
      b++;
    }
    batch.setSize(b);
    return b > 0;
  }

  private boolean nextSample(float[] xs, int xOff, float[] ys, int yOff) {
    if (rng == null) {
      return readSample(xs, xOff, ys, yOff);
    }
    if (buffered < 0) {
      fillBuffer();
    }
    if (buffered == 0) {
      return false;
    }
    int j = rng.nextInt(buffered);
    System.arraycopy(bufferInputs, j * inputSize, xs, xOff, inputSize);
    System.arraycopy(bufferTargets, j * targetSize, ys, yOff, targetSize);
    if (!readSample(bufferInputs, j * inputSize, bufferTargets, j * targetSize)) {
      buffered--;
      System.arraycopy(
          bufferInputs, buffered * inputSize, bufferInputs, j * inputSize, inputSize);
      System.arraycopy(
          bufferTargets, buffered * targetSize, bufferTargets, j * targetSize, targetSize);
    }
    return true;
  }

  private void fillBuffer() {
    bufferInputs = new float[Math.multiplyExact(capacity, inputSize)];
    bufferTargets = new float[Math.multiplyExact(capacity, targetSize)];
    buffered = 0;
    while (buffered < capacity
        && readSample(
            bufferInputs, buffered * inputSize, bufferTargets, buffered * targetSize)) {
      buffered++;
    }
  }
}
