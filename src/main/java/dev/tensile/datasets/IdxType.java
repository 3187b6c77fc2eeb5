package dev.tensile.datasets;

/**
 * The element types of the IDX format: the third byte of an IDX file's magic number.
 *
 * <p>Multi-byte elements are stored big-endian. Every type reads into a float32 {@code Tensor};
 * {@link #INT} values beyond 2<sup>24</sup> and {@link #DOUBLE} values lose precision there.
 */
public enum IdxType {
  /** Code {@code 0x08}: one unsigned byte, 0..255 (MNIST and Fashion-MNIST pixels and labels). */
  UNSIGNED_BYTE(0x08, 1, 0, 255),
  /** Code {@code 0x09}: one signed byte, -128..127. */
  SIGNED_BYTE(0x09, 1, Byte.MIN_VALUE, Byte.MAX_VALUE),
  /** Code {@code 0x0B}: a big-endian 16-bit signed integer. */
  SHORT(0x0B, 2, Short.MIN_VALUE, Short.MAX_VALUE),
  /** Code {@code 0x0C}: a big-endian 32-bit signed integer. */
  INT(0x0C, 4, Integer.MIN_VALUE, Integer.MAX_VALUE),
  /** Code {@code 0x0D}: a big-endian IEEE 754 32-bit float. */
  FLOAT(0x0D, 4, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
  /** Code {@code 0x0E}: a big-endian IEEE 754 64-bit double. */
  DOUBLE(0x0E, 8, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  private final int code;
  private final int bytes;
  private final double min;
  private final double max;

  IdxType(int code, int bytes, double min, double max) {
    this.code = code;
    this.bytes = bytes;
    this.min = min;
    this.max = max;
  }

  /**
   * Returns the type code stored in byte 2 of the magic number.
   *
   * @return {@code 0x08} to {@code 0x0E}
   */
  public int code() {
    return code;
  }

  /**
   * Returns the size of one element in the file.
   *
   * @return 1, 2, 4 or 8 bytes
   */
  public int bytesPerElement() {
    return bytes;
  }

  /**
   * Tells whether the type holds whole numbers (every type but {@link #FLOAT} and {@link #DOUBLE}).
   *
   * @return true for the four integer types
   */
  public boolean isInteger() {
    return this != FLOAT && this != DOUBLE;
  }

  /**
   * Tells whether a value can be stored in this type without change.
   *
   * @param value the value
   * @return true if it is in range (and whole, for integer types); NaN and infinities fit only the
   *     floating-point types
   */
  public boolean holds(float value) {
    if (!isInteger()) {
      return true;
    }
    return value >= min && value <= max && value == Math.rint(value);
  }

  /**
   * Finds the type with a given code.
   *
   * @param code the type byte of a magic number, 0..255
   * @return the type, or {@code null} if no IDX type has that code
   */
  public static IdxType fromCode(int code) {
    for (IdxType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }

  /**
   * Lists every code with its name, for error messages.
   *
   * @return for example {@code 0x08 (unsigned byte), 0x09 (signed byte), ...}
   */
  static String describeAll() {
    StringBuilder b = new StringBuilder();
    for (IdxType t : values()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(String.format("0x%02X (%s)", t.code, t.name().toLowerCase().replace('_', ' ')));
    }
    return b.toString();
  }
}
