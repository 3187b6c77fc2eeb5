package dev.tensile.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One open IDX file of an {@link IdxSource} epoch: reads one sample's record at a time into a
 * reused buffer and converts it to floats in place. Sequential readings work on raw and gzip files;
 * positional ones need a raw file. I/O errors surface as {@link UncheckedIOException}s, since a
 * batch stream cannot throw checked ones.
 */
final class IdxReading implements AutoCloseable {
  private final IdxSource.Part part;
  private final ByteBuffer record;
  private final Opened stream;
  private final FileChannel channel;
  private long index;

  private IdxReading(IdxSource.Part part, Opened stream, FileChannel channel) {
    this.part = part;
    this.record = ByteBuffer.allocate(part.recordBytes());
    this.stream = stream;
    this.channel = channel;
  }

  /** Opens a file, re-checks its header and skips to sample {@code first}. */
  static IdxReading sequential(IdxSource.Part part, int first) {
    Opened in = null;
    try {
      in = openContent(part.path);
      IdxReader.readHeader(in.content(), Files.size(part.path), in.gzip(), part.path.toString());
      IdxReading r = new IdxReading(part, in, null);
      for (int i = 0; i < first; i++) {
        r.fill();
      }
      return r;
    } catch (IOException e) {
      closeQuietly(in);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  /** Opens a raw file for reading samples anywhere. */
  static IdxReading positional(IdxSource.Part part) {
    try {
      return new IdxReading(part, null, FileChannel.open(part.path, StandardOpenOption.READ));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the next sample in file order into {@code out[off ..]}, divided by {@code divisor}. */
  void readNext(float[] out, int off, float divisor) {
    try {
      fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    decode(out, off, divisor);
  }

  /** Reads sample {@code sample} of a raw file into {@code out[off ..]}. */
  void readAt(int sample, float[] out, int off, float divisor) {
    long position = part.header.headerLength() + (long) sample * record.capacity();
    record.clear();
    try {
      while (record.hasRemaining()) {
        if (channel.read(record, position + record.position()) < 0) {
          throw truncated(position + record.position());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    decode(out, off, divisor);
  }

  private void fill() throws IOException {
    byte[] b = record.array();
    int n = 0;
    while (n < b.length) {
      int r = stream.content().read(b, n, b.length - n);
      if (r < 0) {
        throw truncated(part.header.headerLength() + index * b.length + n);
      }
      n += r;
    }
    index++;
  }

  private IdxFormatException truncated(long offset) {
    return IdxReader.formatError(
        part.path.toString(), offset, part.gzip,
        "data truncated: the header promises " + part.samples() + " samples of "
            + record.capacity() + " bytes, the content ends part-way");
  }

  private void decode(float[] out, int off, float divisor) {
    byte[] b = record.array();
    int n = part.sampleSize;
    switch (part.header.type()) {
      case UNSIGNED_BYTE:
        for (int i = 0; i < n; i++) {
          out[off + i] = scale(b[i] & 0xFF, divisor);
        }
        break;
      case SIGNED_BYTE:
        for (int i = 0; i < n; i++) {
          out[off + i] = scale(b[i], divisor);
        }
        break;
      case SHORT:
        for (int i = 0; i < n; i++) {
          out[off + i] = scale(record.getShort(2 * i), divisor);
        }
        break;
      case INT:
        for (int i = 0; i < n; i++) {
          out[off + i] = scale(record.getInt(4 * i), divisor);
        }
        break;
      case FLOAT:
        for (int i = 0; i < n; i++) {
          out[off + i] = scale(record.getFloat(4 * i), divisor);
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          out[off + i] = scale((float) record.getDouble(8 * i), divisor);
        }
    }
  }

  /** As {@code Tensor.div}: the float division itself, skipped for 1 (which changes nothing). */
  private static float scale(float v, float divisor) {
    return divisor == 1f ? v : v / divisor;
  }

  @Override
  public void close() {
    try {
      if (stream != null) {
        stream.close();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(Opened in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the original failure is the one to report
      }
    }
  }

  /** Opens a file's content, decompressing it if it starts with gzip's magic number. */
  static Opened openContent(Path path) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    try {
      boolean gzip = IdxReader.isGzip(raw);
      return new Opened(raw, gzip ? new GzipInput(raw, path.toString()) : raw, gzip);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * An open file and its (decompressed) content.
   *
   * @param raw the stored bytes
   * @param content the IDX content
   * @param gzip whether the file is gzip
   */
  record Opened(InputStream raw, InputStream content, boolean gzip) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (content != raw) {
        content.close();
      }
      raw.close();
    }
  }
}
