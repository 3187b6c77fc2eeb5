package dev.tensile.datasets;

import dev.tensile.data.Batch;
import dev.tensile.data.BatchStream;
import dev.tensile.data.DataSource;
import dev.tensile.data.SampleSource;
import dev.tensile.data.SampleStream;
import dev.tensile.utils.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * IDX files read in chunks as a {@link DataSource}, without loading them whole: an image file
 * (e.g. {@code train-images-idx3-ubyte.gz}) paired with a label file of the same sample count.
 * Memory is a few batches whatever the files' size: each sample is read into one reused record
 * buffer and converted straight into the batch.
 *
 * <p>Shuffling: a raw (uncompressed) file can be read at any sample, so a shuffled epoch permutes
 * all samples of the range, exactly as in-memory tensors are shuffled (the permutation costs 4
 * bytes a sample). A gzip file can only be read from its start, so a shuffled epoch draws from a
 * bounded buffer of {@link #shuffleBuffer(int)} samples filled in file order ({@link SampleStream},
 * as {@code tf.data}'s {@code shuffle(buffer_size)}); both orders follow the seed alone.
 *
 * <p>Headers are checked as {@link Idx#read} checks them: a raw file's header must agree with its
 * length, a gzip file's may not claim more than deflate can expand to, and data that ends early
 * fails the epoch with an {@link IdxFormatException} (wrapped in an {@link UncheckedIOException}).
 */
public final class IdxSource implements DataSource {
  private final Part images;
  private final Part labels;
  private final int from;
  private final int to;
  private final float divisor;
  private final int shuffleBuffer;
  private int[] order;

  private IdxSource(Part images, Part labels, int from, int to, float divisor, int buffer) {
    this.images = images;
    this.labels = labels;
    this.from = from;
    this.to = to;
    this.divisor = divisor;
    this.shuffleBuffer = buffer;
  }

  /**
   * Opens an image file and its label file; reads only their headers now.
   *
   * @param images the inputs, raw or gzip; axis 0 counts samples
   * @param labels the targets, raw or gzip, with as many samples
   * @return the source of all samples, values as stored (see {@link #divideBy})
   * @throws IOException if a file cannot be read or its header is invalid
   * @throws IllegalArgumentException if the sample counts differ
   */
  public static IdxSource open(Path images, Path labels) throws IOException {
    Part x = Part.open(images);
    Part y = Part.open(labels);
    if (x.samples() != y.samples()) {
      throw new IllegalArgumentException(
          "images " + images + " hold " + x.samples() + " samples but labels " + labels
              + " hold " + y.samples() + "; they must pair one to one");
    }
    return new IdxSource(x, y, 0, x.samples(), 1f, SampleSource.DEFAULT_SHUFFLE_BUFFER);
  }

  /**
   * Opens an image file alone, for {@code predict}.
   *
   * @param images the inputs, raw or gzip
   * @return the source, without targets
   * @throws IOException if the file cannot be read or its header is invalid
   */
  public static IdxSource open(Path images) throws IOException {
    Part x = Part.open(images);
    return new IdxSource(x, null, 0, x.samples(), 1f, SampleSource.DEFAULT_SHUFFLE_BUFFER);
  }

  /**
   * Returns a source of the samples {@code [from, to)} of this one's files, e.g. to keep the first
   * 5,000 for validation as the tutorial does.
   *
   * @param first the first sample, counted in the files
   * @param end one past the last sample
   * @return a new source; this one is unchanged
   * @throws IllegalArgumentException if the range is empty or outside the files
   */
  public IdxSource rows(int first, int end) {
    if (first < 0 || end > images.samples() || first >= end) {
      throw new IllegalArgumentException(
          "rows [" + first + ", " + end + ") must be a non-empty range within the "
              + images.samples() + " samples");
    }
    return new IdxSource(images, labels, first, end, divisor, shuffleBuffer);
  }

  /**
   * Returns a source whose inputs are divided by {@code value} as they are read, {@code x / 255f}
   * for pixels: the same float operation as {@code Tensor.div}, so the batches equal those of the
   * loaded and divided tensor bit for bit.
   *
   * @param value the divisor, finite and non-zero
   * @return a new source; this one is unchanged
   */
  public IdxSource divideBy(double value) {
    if (!Double.isFinite(value) || value == 0) {
      throw new IllegalArgumentException("divideBy needs a finite, non-zero number, got " + value);
    }
    return new IdxSource(images, labels, from, to, (float) value, shuffleBuffer);
  }

  /**
   * Returns a source whose gzip files shuffle through a buffer of this many samples (raw files
   * always shuffle fully); memory grows with it, shuffle quality too.
   *
   * @param samples at least 1; {@value SampleSource#DEFAULT_SHUFFLE_BUFFER} unless set
   * @return a new source; this one is unchanged
   */
  public IdxSource shuffleBuffer(int samples) {
    if (samples < 1) {
      throw new IllegalArgumentException("shuffleBuffer must be at least 1 sample, got " + samples);
    }
    return new IdxSource(images, labels, from, to, divisor, samples);
  }

  @Override
  public int[] inputShape() {
    return images.sampleShape();
  }

  @Override
  public int[] targetShape() {
    return labels == null ? null : labels.sampleShape();
  }

  @Override
  public long size() {
    return to - from;
  }

  @Override
  public BatchStream open(int batchSize) {
    return new InOrder(batchSize, null);
  }

  @Override
  public BatchStream open(int batchSize, long seed) {
    if (images.gzip || (labels != null && labels.gzip)) {
      return new InOrder(batchSize, seed);
    }
    int n = to - from;
    if (order == null) {
      order = new int[n];
    }
    for (int i = 0; i < n; i++) {
      order[i] = from + i;
    }
    new Rng(seed).shuffle(order);
    return new Permuted(batchSize, order);
  }

  /** Opens the image file and, if any, the label file: positioned at {@code from}, or anywhere. */
  private IdxReading[] openPair(boolean positional) {
    IdxReading x = positional ? IdxReading.positional(images) : IdxReading.sequential(images, from);
    try {
      IdxReading y = labels == null ? null
          : positional ? IdxReading.positional(labels) : IdxReading.sequential(labels, from);
      return new IdxReading[] {x, y};
    } catch (RuntimeException e) {
      x.close();
      throw e;
    }
  }

  private static void closePair(IdxReading x, IdxReading y) {
    try {
      x.close();
    } finally {
      if (y != null) {
        y.close();
      }
    }
  }

  private int labelSize() {
    return labels == null ? 0 : labels.sampleSize;
  }

  /** Samples in file order, through the shuffle buffer when a seed is given. */
  private final class InOrder extends SampleStream {
    private final IdxReading x;
    private final IdxReading y;
    private int next = from;

    InOrder(int batchSize, Long seed) {
      super(batchSize, images.sampleSize, labelSize(), shuffleBuffer, seed);
      IdxReading[] pair = openPair(false);
      x = pair[0];
      y = pair[1];
    }

    @Override
    protected boolean readSample(float[] in, int inOff, float[] out, int outOff) {
      if (next >= to) {
        return false;
      }
      x.readNext(in, inOff, divisor);
      if (y != null) {
        y.readNext(out, outOff, 1f);
      }
      next++;
      return true;
    }

    @Override
    public void close() {
      closePair(x, y);
    }
  }

  /** A full permutation of a raw file's range, each sample read where it lies. */
  private final class Permuted implements BatchStream {
    private final int batchSize;
    private final int[] order;
    private final IdxReading x;
    private final IdxReading y;
    private int pos;

    Permuted(int batchSize, int[] order) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      this.order = order;
      IdxReading[] pair = openPair(true);
      x = pair[0];
      y = pair[1];
    }

    @Override
    public boolean next(Batch batch) {
      int xs = images.sampleSize;
      int ys = labelSize();
      int b = Math.min(batchSize, order.length - pos);
      batch.reserve(Math.max(b, 0), xs, ys);
      if (b <= 0) {
        return false;
      }
      for (int i = 0; i < b; i++) {
        int r = order[pos + i];
        x.readAt(r, batch.inputs(), i * xs, divisor);
        if (y != null) {
          y.readAt(r, batch.targets(), i * ys, 1f);
        }
      }
      pos += b;
      batch.setSize(b);
      return true;
    }

    @Override
    public void close() {
      closePair(x, y);
    }
  }

  /** One IDX file's checked header and where it lives. */
  static final class Part {
    final Path path;
    final IdxHeader header;
    final boolean gzip;
    final int sampleSize;

    private Part(Path path, IdxHeader header, boolean gzip) {
      this.path = path;
      this.header = header;
      this.gzip = gzip;
      int[] s = header.shape();
      long size = 1;
      for (int i = 1; i < s.length; i++) {
        size *= s[i];
      }
      if (size > Integer.MAX_VALUE / header.type().bytesPerElement()) {
        throw new IllegalArgumentException(path + ": one sample of shape "
            + Arrays.toString(s) + " is too large to read");
      }
      this.sampleSize = (int) size;
    }

    static Part open(Path path) throws IOException {
      long length = Files.size(path);
      try (IdxReading.Opened in = IdxReading.openContent(path)) {
        IdxHeader h = IdxReader.readHeader(in.content(), length, in.gzip(), path.toString());
        return new Part(path, h, in.gzip());
      }
    }

    int samples() {
      return header.shape()[0];
    }

    int[] sampleShape() {
      int[] s = header.shape();
      return Arrays.copyOfRange(s, 1, s.length);
    }

    int recordBytes() {
      return sampleSize * header.type().bytesPerElement();
    }
  }
}
