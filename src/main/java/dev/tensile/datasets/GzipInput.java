package dev.tensile.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip file (RFC 1952) strictly, unlike {@code java.util.zip.GZIPInputStream}: every
 * member's header (with its CRC-16 when the header has one), CRC-32 and length are checked, concatenated members are joined, and any byte
 * after the last member is an error rather than silently ignored. Every error is an {@link
 * IdxFormatException} whose offset counts bytes of the stored (compressed) file.
 *
 * <p>Closing it frees the decompressor but leaves the underlying stream open.
 */
final class GzipInput extends InputStream {
  private static final int FHCRC = 0x02;
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;
  private static final int RESERVED_FLAGS = 0xE0;

  private final InputStream in;
  private final String file;
  private final byte[] buf = new byte[1 << 16];
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final CRC32 headerCrc = new CRC32();
  private int pos;
  private int limit;
  private long bufStart;
  private long memberBytes;
  private boolean done;

  /**
   * Starts reading a gzip stream and checks its first header.
   *
   * @param in the compressed bytes, read from the current position to the end
   * @param file the file's name, for error messages
   * @throws IOException if the stream cannot be read or does not start with a gzip header
   */
  GzipInput(InputStream in, String file) throws IOException {
    this.in = in;
    this.file = file;
    readHeader(true);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    while (!done) {
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw error(offset(), "corrupt gzip data (" + e.getMessage() + ")");
      }
      pos = limit - inflater.getRemaining();
      if (n > 0) {
        crc.update(b, off, n);
        memberBytes += n;
        return n;
      }
      if (inflater.finished()) {
        endMember();
      } else if (inflater.needsInput()) {
        if (!fill()) {
          throw error(offset(), "gzip stream truncated: the file ends inside compressed data");
        }
        inflater.setInput(buf, pos, limit - pos);
      } else {
        throw error(offset(), "corrupt gzip data (the deflate stream asks for a dictionary)");
      }
    }
    return -1;
  }

  /** Frees the decompressor; the underlying stream stays open, as its owner closes it. */
  @Override
  public void close() {
    inflater.end();
  }

  private void readHeader(boolean first) throws IOException {
    long start = offset();
    headerCrc.reset();
    int id1 = headerByte();
    int id2 = headerByte();
    if (id1 != 0x1F || id2 != 0x8B) {
      throw error(
          start,
          String.format(
              first
                  ? "not a gzip stream: found %02X %02X, expected 1F 8B"
                  : "trailing garbage after the gzip stream: found %02X %02X, expected the end"
                      + " of the file or another gzip member (1F 8B)",
              id1,
              id2));
    }
    int method = headerByte();
    if (method != 8) {
      throw error(start + 2, "unknown gzip compression method " + method + ", expected 8");
    }
    int flags = headerByte();
    if ((flags & RESERVED_FLAGS) != 0) {
      throw error(start + 3, String.format("reserved gzip flag bits set in 0x%02X", flags));
    }
    skip(6); // modification time, extra flags, operating system
    if ((flags & FEXTRA) != 0) {
      skip(headerByte() | headerByte() << 8);
    }
    if ((flags & FNAME) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FCOMMENT) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FHCRC) != 0) {
      long at = offset();
      int expected = (int) (headerCrc.getValue() & 0xFFFF);
      int stored = requireByte("header") | requireByte("header") << 8;
      if (stored != expected) {
        throw error(
            at,
            String.format(
                "gzip header CRC-16 mismatch: the header says %04X, its bytes give %04X (corrupt"
                    + " header)",
                stored,
                expected));
      }
    }
    inflater.reset();
    crc.reset();
    memberBytes = 0;
    inflater.setInput(buf, pos, limit - pos);
  }

  /** Reads one byte of a member's header, adding it to the header's CRC. */
  private int headerByte() throws IOException {
    int b = requireByte("header");
    headerCrc.update(b);
    return b;
  }

  private void endMember() throws IOException {
    long at = offset();
    long storedCrc = readLittleEndianInt();
    long storedSize = readLittleEndianInt();
    if (storedCrc != crc.getValue()) {
      throw error(
          at,
          String.format(
              "gzip CRC-32 mismatch: the trailer says %08X, the data gives %08X (corrupt data)",
              storedCrc, crc.getValue()));
    }
    if (storedSize != (memberBytes & 0xFFFFFFFFL)) {
      throw error(
          at + 4,
          "gzip length mismatch: the trailer says "
              + storedSize
              + " bytes, the data gives "
              + memberBytes);
    }
    if (pos == limit && !fill()) {
      done = true;
      return;
    }
    readHeader(false);
  }

  private long readLittleEndianInt() throws IOException {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (long) requireByte("trailer") << (8 * i);
    }
    return v;
  }

  private void skip(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      headerByte();
    }
  }

  private void skipZeroTerminated() throws IOException {
    while (headerByte() != 0) {
      // skip a file name or comment
    }
  }

  private int requireByte(String part) throws IOException {
    if (pos == limit && !fill()) {
      throw error(offset(), "gzip stream truncated: the file ends inside a member's " + part);
    }
    return buf[pos++] & 0xFF;
  }

  private boolean fill() throws IOException {
    bufStart += limit;
    pos = 0;
    limit = 0;
    int n;
    do {
      n = in.read(buf);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    limit = n;
    return true;
  }

  private long offset() {
    return bufStart + pos;
  }

  private IdxFormatException error(long at, String problem) {
    return new IdxFormatException(file, at, false, problem);
  }
}
