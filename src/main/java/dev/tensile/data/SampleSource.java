package dev.tensile.data;

import dev.tensile.tensor.Shapes;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Samples from a user's iterator, one iterator per epoch (see {@link DataSource#fromSamples}).
 * Shuffling goes through a {@link SampleStream} buffer of {@link #shuffleBuffer(int)} samples
 * (1,024 unless set), since an iterator can only be read in order.
 */
public final class SampleSource implements DataSource {
  /** The shuffle buffer's size unless {@link #shuffleBuffer(int)} sets another. */
  public static final int DEFAULT_SHUFFLE_BUFFER = 1024;

  private final int[] inputShape;
  private final int[] targetShape;
  private final int inputSize;
  private final int targetSize;
  private final Supplier<? extends Iterator<Sample>> epoch;
  private long size = UNKNOWN;
  private int shuffleBuffer = DEFAULT_SHUFFLE_BUFFER;

  SampleSource(int[] inputShape, int[] targetShape, Supplier<? extends Iterator<Sample>> epoch) {
    if (inputShape == null || inputShape.length == 0 || epoch == null) {
      throw new IllegalArgumentException(
          "a sample source needs an input shape with at least one axis and an iterator supplier");
    }
    this.inputShape = inputShape.clone();
    this.targetShape = targetShape == null ? null : targetShape.clone();
    this.inputSize = Math.toIntExact(Shapes.size(inputShape));
    this.targetSize = targetShape == null ? 0 : Math.toIntExact(Shapes.size(targetShape));
    this.epoch = epoch;
  }

  /**
   * Declares how many samples each epoch yields, so progress bars show a target.
   *
   * @param samples the count; an iterator that yields another count makes the loop fail
   * @return this source
   */
  public SampleSource size(long samples) {
    if (samples < 0) {
      throw new IllegalArgumentException("size must be 0 or more samples, got " + samples);
    }
    size = samples;
    return this;
  }

  /**
   * Sets how many samples the shuffle buffer holds; memory grows with it, shuffle quality too.
   *
   * @param samples at least 1
   * @return this source
   */
  public SampleSource shuffleBuffer(int samples) {
    if (samples < 1) {
      throw new IllegalArgumentException("shuffleBuffer must be at least 1 sample, got " + samples);
    }
    shuffleBuffer = samples;
    return this;
  }

  @Override
  public int[] inputShape() {
    return inputShape.clone();
  }

  @Override
  public int[] targetShape() {
    return targetShape == null ? null : targetShape.clone();
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public BatchStream open(int batchSize) {
    return new Stream(batchSize, null);
  }

  @Override
  public BatchStream open(int batchSize, long seed) {
    return new Stream(batchSize, seed);
  }

  private final class Stream extends SampleStream {
    private final Iterator<Sample> samples;
    private long read;

    Stream(int batchSize, Long seed) {
      super(batchSize, inputSize, targetSize, shuffleBuffer, seed);
      samples = epoch.get();
      if (samples == null) {
        throw new IllegalStateException("the sample source's supplier returned no iterator");
      }
    }

    @Override
    protected boolean readSample(float[] inputs, int inputOffset, float[] targets, int targetOffset) {
      if (!samples.hasNext()) {
        if (size != UNKNOWN && read != size) {
          throw new IllegalStateException(
              "the sample source declared " + size + " samples but its iterator yielded " + read);
        }
        return false;
      }
      Sample s = samples.next();
      if (s == null || s.inputs().length != inputSize || s.targets().length != targetSize) {
        throw new IllegalArgumentException(
            "sample " + read + " has " + (s == null ? "no value" : s.inputs().length
                + " input and " + s.targets().length + " target values")
                + "; expected " + inputSize + " inputs (shape " + Arrays.toString(inputShape)
                + ") and " + targetSize + " targets");
      }
      System.arraycopy(s.inputs(), 0, inputs, inputOffset, inputSize);
      System.arraycopy(s.targets(), 0, targets, targetOffset, targetSize);
      read++;
      return true;
    }

    @Override
    public void close() {
      if (samples instanceof AutoCloseable) {
        try {
          ((AutoCloseable) samples).close();
        } catch (Exception e) {
          throw new IllegalStateException("closing the sample iterator failed: " + e, e);
        }
      }
    }
  }
}
