package dev.tensile.saving;

import dev.tensile.tensor.Shapes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * NumPy's {@code .npy} format, version 1.0, for little-endian float32 and int64 arrays:
 *
 * <pre>
 * \x93NUMPY  1 0  HEADER_LEN (uint16, little-endian)
 * {'descr': '&lt;f4', 'fortran_order': False, 'shape': (784, 100), }   padded with spaces, then \n
 * data: the elements, little-endian, row-major (C order)
 * </pre>
 *
 * <p>The header is padded so that the data starts at a multiple of 64 bytes, as NumPy writes it.
 * Reading also accepts versions 2.0 and 3.0 (a 4-byte header length), but only C order and the two
 * dtypes above.
 */
final class Npy {
  /** NumPy's dtype string for little-endian float32. */
  static final String FLOAT32 = "<f4";

  /** NumPy's dtype string for little-endian int64. */
  static final String INT64 = "<i8";

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGNMENT = 64;

  private Npy() {}

  /**
   * Encodes a float32 array.
   *
   * @param data the elements, row-major; not modified
   * @param shape the shape; {@code {}} for a scalar
   * @return the bytes of a {@code .npy} file
   */
  static byte[] encode(float[] data, int[] shape) {
    ByteBuffer out = start(FLOAT32, shape, data.length, Float.BYTES);
    out.asFloatBuffer().put(data);
    return out.array();
  }

  /**
   * Encodes an int64 array.
   *
   * @param data the elements, row-major; not modified
   * @param shape the shape; {@code {}} for a scalar
   * @return the bytes of a {@code .npy} file
   */
  static byte[] encode(long[] data, int[] shape) {
    ByteBuffer out = start(INT64, shape, data.length, Long.BYTES);
    out.asLongBuffer().put(data);
    return out.array();
  }

  /** Writes the magic, version and header; returns the buffer positioned at the data. */
  private static ByteBuffer start(String dtype, int[] shape, int count, int itemSize) {
    if (Shapes.size(shape) != count) {
      throw new IllegalArgumentException(
          count + " elements do not fill shape " + Shapes.format(shape));
    }
    String dict =
        String.format(
            "{'descr': '%s', 'fortran_order': False, 'shape': %s, }", dtype, Shapes.format(shape));
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
    String header = dict + " ".repeat(padding) + "\n";
    ByteBuffer out = ByteBuffer.allocate(unpadded + padding + count * itemSize);
    out.order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.put(header.getBytes(StandardCharsets.US_ASCII));
    return out.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Decodes a {@code .npy} file, checking its header and that the data has exactly the size the
   * shape calls for.
   *
   * @param file the file's bytes; not modified
   * @return the array
   * @throws IllegalArgumentException naming what is wrong with the bytes
   */
  static Array decode(byte[] file) {
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    if (file.length < MAGIC.length + 4
        || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException("not a .npy array: it does not start with \\x93NUMPY");
    }
    in.position(MAGIC.length);
    int major = in.get();
    int minor = in.get();
    if (major < 1 || major > 3 || minor != 0) {
      throw new IllegalArgumentException(
          ".npy version " + major + "." + minor + " is not supported (expected 1.0, 2.0 or 3.0)");
    }
    if (major > 1 && in.remaining() < Integer.BYTES) {
      throw new IllegalArgumentException(".npy array ends inside its header length");
    }
    long headerLength =
        major == 1 ? Short.toUnsignedInt(in.getShort()) : Integer.toUnsignedLong(in.getInt());
    if (headerLength > in.remaining()) {
      throw new IllegalArgumentException(
          String.format(
              ".npy header length %d runs past the end of the %d-byte entry",
              headerLength, file.length));
    }
    byte[] headerBytes = new byte[(int) headerLength];
    in.get(headerBytes);
    NpyHeader header = NpyHeader.parse(new String(headerBytes, StandardCharsets.ISO_8859_1));
    int itemSize = itemSize(header.dtype());
    long count = Shapes.size(header.shape());
    if (in.remaining() != count * itemSize) {
      throw new IllegalArgumentException(
          String.format(
              "shape %s of %s needs %d data bytes, the entry has %d%s",
              Shapes.format(header.shape()),
              header.dtype(),
              count * itemSize,
              in.remaining(),
              in.remaining() < count * itemSize ? " (truncated)" : ""));
    }
    return new Array(header, in.slice().order(ByteOrder.LITTLE_ENDIAN));
  }

  private static int itemSize(String dtype) {
    switch (dtype) {
      case FLOAT32:
        return Float.BYTES;
      case INT64:
        return Long.BYTES;
      default:
        throw new IllegalArgumentException(
            String.format(
                "dtype '%s' is not supported: expected '%s' (float32) or '%s' (int64)",
                dtype, FLOAT32, INT64));
    }
  }

  /** A decoded array: its header (dtype and shape) and little-endian data. */
  static final class Array {
    private final NpyHeader header;
    private final ByteBuffer data;

    private Array(NpyHeader header, ByteBuffer data) {
      this.header = header;
      this.data = data;
    }

    /** Returns the dtype and shape. */
    NpyHeader header() {
      return header;
    }

    /** Returns the elements of a float32 array; throws IllegalArgumentException otherwise. */
    float[] floats() {
      requireDtype(FLOAT32);
      float[] out = new float[data.remaining() / Float.BYTES];
      data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }

    /** Returns the elements of an int64 array; throws IllegalArgumentException otherwise. */
    long[] longs() {
      requireDtype(INT64);
      long[] out = new long[data.remaining() / Long.BYTES];
      data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
      return out;
    }

    private void requireDtype(String expected) {
      if (!header.dtype().equals(expected)) {
        throw new IllegalArgumentException(
            "has dtype '" + header.dtype() + "', expected '" + expected + "'");
      }
    }
  }
}
