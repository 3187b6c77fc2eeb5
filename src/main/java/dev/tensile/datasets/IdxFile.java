package dev.tensile.datasets;

import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import java.nio.ByteBuffer;

/**
 * The content of one IDX file: an element type, a shape and the elements as the file stores them
 * (big-endian, row-major).
 *
 * <p>For {@link IdxType#UNSIGNED_BYTE} files, such as Fashion-MNIST's, {@link #bytes()} gives the
 * values themselves without a float copy: element {@code i} is {@code bytes()[i] & 0xFF}.
 */
public final class IdxFile {
  private final IdxType type;
  private final int[] shape;
  private final byte[] data;

  IdxFile(IdxType type, int[] shape, byte[] data) {
    this.type = type;
    this.shape = shape;
    this.data = data;
  }

  /**
   * Makes IDX content from elements already encoded big-endian.
   *
   * @param type the element type
   * @param data {@code size * type.bytesPerElement()} bytes, row-major; used as is, not copied
   * @param shape 1 to 255 non-negative extents
   * @return the content
   * @throws IllegalArgumentException if the shape has no axis or more than 255, or the data length
   *     does not match it
   */
  public static IdxFile of(IdxType type, byte[] data, int... shape) {
    int[] s = checkShape(shape);
    long expected = Shapes.size(s) * type.bytesPerElement();
    if (expected != data.length) {
      throw new IllegalArgumentException(
          "shape "
              + Shapes.format(s)
              + " of "
              + type
              + " needs "
              + expected
              + " bytes, got "
              + data.length);
    }
    return new IdxFile(type, s, data);
  }

  /**
   * Encodes a tensor's values as the given element type.
   *
   * @param tensor the values and shape; not modified
   * @param type the element type; integer types need whole numbers in their range
   * @return the content
   * @throws IllegalArgumentException if a value does not fit the type (the message names the first
   *     such value and its index), or the tensor's rank is 0 or above 255
   */
  public static IdxFile fromTensor(Tensor tensor, IdxType type) {
    int[] shape = checkShape(tensor.shape());
    float[] values = tensor.data();
    ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(values.length, type.bytesPerElement()));
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      if (!type.holds(v)) {
        throw new IllegalArgumentException(
            "value " + v + " at flat index " + i + " does not fit IDX type " + type);
      }
      switch (type) {
        case UNSIGNED_BYTE:
        case SIGNED_BYTE:
          out.put((byte) (int) v);
          break;
        case SHORT:
          out.putShort((short) v);
          break;
        case INT:
          out.putInt((int) v);
          break;
        case FLOAT:
          out.putFloat(v);
          break;
        default:
          out.putDouble(v);
      }
    }
    return new IdxFile(type, shape, out.array());
  }

  /**
   * Returns the element type.
   *
   * @return the type named by the magic number
   */
  public IdxType type() {
    return type;
  }

  /**
   * Returns the shape.
   *
   * @return a copy of the dimensions, in file order
   */
  public int[] shape() {
    return shape.clone();
  }

  /**
   * Returns the number of elements.
   *
   * @return the product of the shape
   */
  public int size() {
    return data.length / type.bytesPerElement();
  }

  /**
   * Returns the stored elements themselves (no copy): big-endian, row-major, {@code
   * type().bytesPerElement()} bytes each. Writing to the array changes this content.
   *
   * @return the data bytes, without the header
   */
  public byte[] bytes() {
    return data;
  }

  /**
   * Converts the elements to a float32 tensor of the file's shape.
   *
   * @return a new tensor; unsigned bytes become 0..255
   */
  public Tensor toTensor() {
    float[] out = new float[size()];
    ByteBuffer in = ByteBuffer.wrap(data);
    switch (type) {
      case UNSIGNED_BYTE:
        for (int i = 0; i < out.length; i++) {
          out[i] = data[i] & 0xFF;
        }
        break;
      case SIGNED_BYTE:
        for (int i = 0; i < out.length; i++) {
          out[i] = data[i];
        }
        break;
      case SHORT:
        for (int i = 0; i < out.length; i++) {
          out[i] = in.getShort();
        }
        break;
      case INT:
        for (int i = 0; i < out.length; i++) {
          out[i] = in.getInt();
        }
        break;
      case FLOAT:
        in.asFloatBuffer().get(out);
        break;
      default:
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) in.getDouble();
        }
    }
    return Tensor.wrap(out, shape);
  }

  /**
   * Describes the content by type and shape.
   *
   * @return for example {@code IdxFile(UNSIGNED_BYTE, (60000, 28, 28))}
   */
  @Override
  public String toString() {
    return "IdxFile(" + type + ", " + Shapes.format(shape) + ")";
  }

  private static int[] checkShape(int[] shape) {
    if (shape.length < 1 || shape.length > 255) {
      throw new IllegalArgumentException(
          "an IDX file has 1 to 255 dimensions, got shape " + Shapes.format(shape));
    }
    Shapes.size(shape); // rejects negative extents
    return shape.clone();
  }
}
