package dev.tensile.datasets;

import dev.tensile.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import dev.tensile.internal.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes IDX files, the format of MNIST and Fashion-MNIST, raw or gzip-compressed.
 *
 * <pre>
 * offset  size     content
 * 0       2        0x00 0x00
 * 2       1        element type: 0x08 unsigned byte, 0x09 signed byte, 0x0B short,
 *                  0x0C int, 0x0D float, 0x0E double
 * 3       1        number of dimensions n (1..255)
 * 4       4 * n    each dimension, a big-endian 32-bit integer
 * 4 + 4n  ...      the elements, row-major, big-endian, product(dimensions) of them
 * </pre>
 *
 * <p>Whether a file is gzip-compressed is decided by its content (the gzip magic bytes {@code 1F
 * 8B}), not by its name. Reading is strict: a wrong magic number or element type, a header that
 * disagrees with the file's length, truncated data, a truncated or corrupt gzip stream and trailing
 * bytes all raise {@link IdxFormatException} naming the file, the problem and the byte offset. No
 * allocation is made from a header's claim before it is checked against what the file can hold.
 */
public final class Idx {
  private Idx() {}

  /**
   * Reads an IDX file.
   *
   * @param file the file, raw or gzip-compressed
   * @return its type, shape and elements
   * @throws IdxFormatException if the file is not valid IDX
   * @throws IOException if it cannot be read
   */
  public static IdxFile read(Path file) throws IOException {
    return IdxReader.read(file, null);
  }

  /**
   * Reads an IDX file into a float tensor of the file's shape.
   *
   * @param file the file, raw or gzip-compressed
   * @return the elements as floats
   * @throws IdxFormatException if the file is not valid IDX
   * @throws IOException if it cannot be read
   */
  public static Tensor readTensor(Path file) throws IOException {
    return read(file).toTensor();
  }

  /**
   * Parses IDX content held in memory.
   *
   * @param content the bytes of a file, raw or gzip-compressed; not modified
   * @param name the name to use in error messages
   * @return its type, shape and elements
   * @throws IdxFormatException if the content is not valid IDX
   */
  public static IdxFile parse(byte[] content, String name) throws IdxFormatException {
    try {
      return IdxReader.read(new ByteArrayInputStream(content), content.length, name, null);
    } catch (IdxFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("reading memory cannot fail", e);
    }
  }

  /**
   * Writes IDX content to a file atomically: a temporary file in the same directory is written,
   * then renamed over {@code file}; on failure it is deleted and {@code file} is unchanged.
   *
   * @param file the file to create or replace
   * @param content the type, shape and elements
   * @param gzip true to compress with gzip (best compression)
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, IdxFile content, boolean gzip) throws IOException {
    AtomicFile.write(file, out -> encode(content, gzip, out));
  }

  /**
   * Writes a tensor to an IDX file atomically, as {@link #write(Path, IdxFile, boolean)} does.
   *
   * @param file the file to create or replace
   * @param tensor the values and shape; not modified
   * @param type the element type to store; integer types need whole numbers in their range
   * @param gzip true to compress with gzip (best compression)
   * @throws IllegalArgumentException if a value does not fit {@code type}
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, Tensor tensor, IdxType type, boolean gzip)
      throws IOException {
    write(file, IdxFile.fromTensor(tensor, type), gzip);
  }

  /**
   * Encodes IDX content as the bytes of a file.
   *
   * @param content the type, shape and elements
   * @param gzip true to compress with gzip (best compression)
   * @return the bytes {@link #write(Path, IdxFile, boolean)} would write
   */
  public static byte[] toBytes(IdxFile content, boolean gzip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      encode(content, gzip, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static void encode(IdxFile content, boolean gzip, OutputStream out) throws IOException {
    OutputStream target = gzip ? new BestGzip(out) : out;
    int[] shape = content.shape();
    ByteBuffer header = ByteBuffer.allocate(4 + 4 * shape.length);
    header.put((byte) 0).put((byte) 0).put((byte) content.type().code()).put((byte) shape.length);
    for (int d : shape) {
      header.putInt(d);
    }
    target.write(header.array());
    target.write(content.bytes());
    if (gzip) {
      ((BestGzip) target).finish();
    }
    target.flush();
  }

  /** A gzip stream at the best compression level. */
  private static final class BestGzip extends GZIPOutputStream {
    BestGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }
}
