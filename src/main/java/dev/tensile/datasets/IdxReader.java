package dev.tensile.datasets;

import dev.tensile.tensor.Shapes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Parses IDX content, raw or gzip-compressed, checking every size against what the file can hold
 * before allocating for it.
 *
 * <p>A raw file's header must agree exactly with the file's length. A gzip file's header may claim
 * at most {@link #MAX_DEFLATE_RATIO} times the stored length, and the data buffer grows only as
 * decompressed bytes actually arrive, so a lying header cannot exhaust memory.
 */
final class IdxReader {
  /** Deflate's best compression ratio is about 1032:1, so no gzip file inflates beyond this. */
  static final long MAX_DEFLATE_RATIO = 1032;

  /** The largest array the JVM reliably allocates. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private static final int GZIP_ID1 = 0x1F;
  private static final int GZIP_ID2 = 0x8B;
  private static final int FIRST_BUFFER = 1 << 16;

  private final String file;
  private final long storedLength;
  private final boolean gzip;
  private final MessageDigest digest;
  /** A streaming reader never holds the data in one array, so it may exceed one array's size. */
  private boolean streaming;

  private IdxReader(String file, long storedLength, boolean gzip, MessageDigest digest) {
    this.file = file;
    this.storedLength = storedLength;
    this.gzip = gzip;
    this.digest = digest;
  }

  /**
   * Reads an IDX file from disk.
   *
   * @param path the file, raw or gzip
   * @param digest if not null, receives every byte of the (decompressed) content
   * @return the content
   * @throws IOException if the file cannot be read or is not valid IDX
   */
  static IdxFile read(Path path, MessageDigest digest) throws IOException {
    return read(path, path.toString(), digest);
  }

  /**
   * Reads an IDX file from disk under a name of the caller's choice.
   *
   * @param path the file, raw or gzip
   * @param name the name for error messages, such as the URL it was downloaded from
   * @param digest if not null, receives every byte of the (decompressed) content
   * @return the content
   * @throws IOException if the file cannot be read or is not valid IDX
   */
  static IdxFile read(Path path, String name, MessageDigest digest) throws IOException {
    long length = Files.size(path);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      return read(in, length, name, digest);
    }
  }

  /**
   * Reads IDX content from a stream that supports {@code mark}, deciding by its first two bytes
   * whether it is gzip-compressed.
   *
   * @param in the stored bytes; read to the end but not closed
   * @param length the number of stored bytes
   * @param file the name for error messages
   * @param digest if not null, receives every byte of the (decompressed) content
   * @return the content
   * @throws IOException if the stream cannot be read or is not valid IDX
   */
  static IdxFile read(InputStream in, long length, String file, MessageDigest digest)
      throws IOException {
    boolean gzip = isGzip(in);
    IdxReader reader = new IdxReader(file, length, gzip, digest);
    if (!gzip) {
      return reader.parse(in);
    }
    try (GzipInput content = new GzipInput(in, file)) {
      return reader.parse(content);
    }
  }

  private IdxFile parse(InputStream in) throws IOException {
    IdxHeader h = parseHeader(in);
    byte[] data = readData(in, (int) h.dataLength(), h.headerLength(), h.type(), h.shape());
    if (digest != null) {
      digest.update(h.bytes());
      digest.update(data);
    }
    return new IdxFile(h.type(), h.shape(), data);
  }

  /**
   * Reads and checks the header of IDX content for a streaming reader, which then reads the data
   * itself, sample by sample.
   *
   * @param in the content, already decompressed if it was gzip; positioned at its start
   * @param storedLength the number of stored bytes (compressed ones for gzip)
   * @param gzip whether the stored bytes are gzip
   * @param file the name for error messages
   * @return the header
   * @throws IOException if the stream cannot be read or the header is not valid for that length
   */
  static IdxHeader readHeader(InputStream in, long storedLength, boolean gzip, String file)
      throws IOException {
    IdxReader reader = new IdxReader(file, storedLength, gzip, null);
    reader.streaming = true;
    return reader.parseHeader(in);
  }

  /**
   * Tells whether stored bytes begin with gzip's magic number, leaving the stream where it was.
   *
   * @param in a stream that supports {@code mark}
   * @return true for gzip
   * @throws IOException if reading fails
   */
  static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    boolean gzip = in.read() == GZIP_ID1 && in.read() == GZIP_ID2;
    in.reset();
    return gzip;
  }

  /** An error at an offset of the named content, for streaming readers. */
  static IdxFormatException formatError(String file, long offset, boolean gzip, String problem) {
    return new IdxFormatException(file, offset, gzip, problem);
  }

  private IdxHeader parseHeader(InputStream in) throws IOException {
    byte[] magic = new byte[4];
    int got = readFully(in, magic);
    if (got < magic.length) {
      throw error(got, "header truncated: expected a 4-byte magic number, found " + got + " bytes");
    }
    if (magic[0] != 0 || magic[1] != 0) {
      throw error(
          0,
          String.format(
              "bad magic number 0x%08X, expected 0x0000TTNN (two zero bytes, an element type,"
                  + " a dimension count)",
              ByteBuffer.wrap(magic).getInt()));
    }
    IdxType type = IdxType.fromCode(magic[2] & 0xFF);
    if (type == null) {
      throw error(
          2,
          String.format(
              "unknown element type 0x%02X, expected one of %s",
              magic[2] & 0xFF, IdxType.describeAll()));
    }
    int rank = magic[3] & 0xFF;
    if (rank == 0) {
      throw error(3, "dimension count is 0, expected 1 to 255");
    }
    byte[] dims = new byte[4 * rank];
    got = readFully(in, dims);
    if (got < dims.length) {
      throw error(
          4 + got,
          "header truncated: "
              + rank
              + " dimensions need "
              + dims.length
              + " bytes after the magic number, found "
              + got);
    }
    int[] shape = readShape(dims);
    int headerLength = 4 + dims.length;
    long dataLength = checkDataLength(type, shape, headerLength);
    byte[] header = new byte[headerLength];
    System.arraycopy(magic, 0, header, 0, 4);
    System.arraycopy(dims, 0, header, 4, dims.length);
    return new IdxHeader(type, shape, headerLength, dataLength, header);
  }

  private int[] readShape(byte[] dims) throws IdxFormatException {
    ByteBuffer b = ByteBuffer.wrap(dims);
    int[] shape = new int[dims.length / 4];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = b.getInt();
      if (shape[i] < 0) {
        throw error(
            4 + 4 * i,
            "dimension "
                + i
                + " is "
                + Integer.toUnsignedString(shape[i])
                + ", above the largest supported extent "
                + Integer.MAX_VALUE);
      }
    }
    return shape;
  }

  private long checkDataLength(IdxType type, int[] shape, int headerLength)
      throws IdxFormatException {
    long count = 1;
    for (int d : shape) {
      count = d == 0 ? 0 : (count > Long.MAX_VALUE / d ? Long.MAX_VALUE : count * d);
    }
    long length =
        count > Long.MAX_VALUE / type.bytesPerElement()
            ? Long.MAX_VALUE
            : count * type.bytesPerElement();
    String claim = "shape " + Shapes.format(shape) + " of " + type + " needs ";
    String needs = claim + (length == Long.MAX_VALUE ? "more than 2^63" : length) + " data bytes";
    if (length > MAX_ARRAY && !streaming) {
      throw error(4, needs + ", more than the " + MAX_ARRAY + " one array can hold");
    }
    if (!gzip) {
      long available = storedLength - headerLength;
      if (available < length) {
        throw error(
            storedLength,
            "data truncated: " + needs + " after the header, the file holds " + available);
      }
      if (available > length) {
        throw error(
            headerLength + length,
            "trailing garbage: " + (available - length) + " bytes after the data; " + needs);
      }
    } else if (headerLength + length > storedLength * MAX_DEFLATE_RATIO) {
      throw error(
          4,
          needs
              + ", but a gzip file of "
              + storedLength
              + " bytes decompresses to at most "
              + storedLength * MAX_DEFLATE_RATIO);
    }
    return length;
  }

  private byte[] readData(InputStream in, int length, int headerLength, IdxType type, int[] shape)
      throws IOException {
    int first = gzip ? (int) Math.min(length, Math.max(FIRST_BUFFER, 4 * storedLength)) : length;
    byte[] data = new byte[first];
    int n = 0;
    while (n < length) {
      if (n == data.length) {
        data = Arrays.copyOf(data, (int) Math.min(length, 2L * data.length));
      }
      int r = in.read(data, n, data.length - n);
      if (r < 0) {
        throw error(
            headerLength + n,
            "data truncated: shape "
                + Shapes.format(shape)
                + " of "
                + type
                + " needs "
                + length
                + " data bytes, the content ends after "
                + n);
      }
      n += r;
    }
    if (in.read() >= 0) {
      throw error(
          headerLength + (long) length,
          "trailing garbage: the content goes on after the "
              + length
              + " data bytes that shape "
              + Shapes.format(shape)
              + " of "
              + type
              + " needs");
    }
    return data;
  }

  private static int readFully(InputStream in, byte[] b) throws IOException {
    int n = 0;
    while (n < b.length) {
      int r = in.read(b, n, b.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  private IdxFormatException error(long offset, String problem) {
    return new IdxFormatException(file, offset, gzip, problem);
  }
}
