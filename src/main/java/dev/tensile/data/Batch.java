package dev.tensile.data;

import dev.tensile.tensor.Buffers;

/**
 * One batch of samples in reused buffers: {@code size()} samples whose inputs lie row-major in
 * {@code inputs()[0 .. size * inputSize)} and whose targets lie in {@code targets()[0 .. size *
 * targetSize)}. The arrays grow, never shrink, so they may be longer than the batch; a training
 * loop keeps one {@code Batch} and a source refills it for every step, so steady state allocates
 * nothing.
 */
public final class Batch {
  private float[] inputs = new float[0];
  private float[] targets = new float[0];
  private int size;

  /** Makes an empty batch; its buffers grow on first use. */
  public Batch() {}

  /**
   * Makes room for {@code samples} samples and sets the size to 0; sources call it before filling.
   *
   * @param samples the number of samples to come
   * @param inputSize floats per sample's inputs
   * @param targetSize floats per sample's targets (0 for a source without targets)
   * @return this batch
   */
  public Batch reserve(int samples, int inputSize, int targetSize) {
    inputs = Buffers.ensure(inputs, Math.multiplyExact(samples, inputSize));
    targets = Buffers.ensure(targets, Math.multiplyExact(samples, targetSize));
    size = 0;
    return this;
  }

  /**
   * Sets how many samples the buffers now hold.
   *
   * @param samples the count, at most what {@link #reserve} made room for
   */
  public void setSize(int samples) {
    if (samples < 0) {
      throw new IllegalArgumentException("a batch size must be 0 or more, got " + samples);
    }
    size = samples;
  }

  /**
   * Returns the number of samples in the batch.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Returns the input buffer itself (no copy); only its first {@code size * inputSize} floats
   * belong to this batch.
   *
   * @return the buffer, modified by the next refill
   */
  public float[] inputs() {
    return inputs;
  }

  /**
   * Returns the target buffer itself (no copy); only its first {@code size * targetSize} floats
   * belong to this batch.
   *
   * @return the buffer, modified by the next refill
   */
  public float[] targets() {
    return targets;
  }
}
