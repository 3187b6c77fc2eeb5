package dev.tensile.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.tensor.Shapes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The .npy codec writes NumPy's exact bytes and rejects malformed arrays with clear messages. */
class NpyTest {

  /** Checks magic, version, header text, alignment and little-endian data of an encoded file. */
  static void assertStandardNpy(byte[] file, String dtype, String shapeText, int dataBytes) {
    assertEquals((byte) 0x93, file[0]);
    assertEquals("NUMPY", new String(file, 1, 5, StandardCharsets.US_ASCII));
    assertEquals(1, file[6], "major version");
    assertEquals(0, file[7], "minor version");
    int headerLength = (file[8] & 0xff) | (file[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64, "data starts on a 64-byte boundary");
    String header = new String(file, 10, headerLength, StandardCharsets.US_ASCII);
    assertTrue(header.endsWith("\n"), header);
    assertEquals(
        "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shapeText + ", }",
        header.strip());
    assertEquals(10 + headerLength + dataBytes, file.length);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"'';()", "5;(5,)", "784,100;(784, 100)", "2,3,4;(2, 3, 4)", "0,3;(0, 3)"})
  void floatArraysGetNumpysHeaderForEveryRank(String dims, String shapeText) {
    int[] shape =
        dims.isEmpty()
            ? new int[0]
            : Arrays.stream(dims.split(",")).mapToInt(Integer::parseInt).toArray();
    float[] data = new float[(int) Shapes.size(shape)];
    for (int i = 0; i < data.length; i++) {
      data[i] = i * 0.5f - 3;
    }
    byte[] file = Npy.encode(data, shape);
    assertStandardNpy(file, "<f4", shapeText, data.length * 4);
    Npy.Array back = Npy.decode(file);
    assertArrayEquals(shape, back.header().shape());
    assertArrayEquals(data, back.floats());
  }

  @Test
  void dataIsLittleEndianAfterTheHeader() {
    byte[] file = Npy.encode(new float[] {1.5f, -2f}, new int[] {2});
    ByteBuffer data = ByteBuffer.wrap(file, file.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(1.5f, data.getFloat());
    assertEquals(-2f, data.getFloat());
    byte[] scalar = Npy.encode(new long[] {0x0102030405060708L}, new int[0]);
    assertStandardNpy(scalar, "<i8", "()", 8);
    assertEquals(8, scalar[scalar.length - 8]);
    assertEquals(1, scalar[scalar.length - 1]);
    assertEquals(0x0102030405060708L, Npy.decode(scalar).longs()[0]);
  }

  @Test
  void readsHeadersInOtherSpellingsAndVersion2() {
    String dict = "{\"shape\":(2,),\"descr\":\"<f4\" ,  \"fortran_order\":False}";
    ByteBuffer b = ByteBuffer.allocate(12 + dict.length() + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 2).put((byte) 0);
    b.putInt(dict.length()).put(dict.getBytes(StandardCharsets.US_ASCII)).putFloat(1f).putFloat(2f);
    assertArrayEquals(new float[] {1f, 2f}, Npy.decode(b.array()).floats());
  }

  @Test
  void rejectsMalformedFilesNamingTheProblem() {
    byte[] good = Npy.encode(new float[] {1, 2, 3}, new int[] {3});
    assertProblem("does not start with", Arrays.copyOf(good, 4));
    byte[] badMagic = good.clone();
    badMagic[1] = 'X';
    assertProblem("does not start with", badMagic);
    byte[] badVersion = good.clone();
    badVersion[6] = 9;
    assertProblem("version 9.0 is not supported", badVersion);
    byte[] version2 = Arrays.copyOf(good, 10);
    version2[6] = 2;
    assertProblem("ends inside its header length", version2);
    byte[] longHeader = good.clone();
    longHeader[9] = 0x7f;
    assertProblem("runs past the end", longHeader);
    assertProblem("(truncated)", Arrays.copyOf(good, good.length - 1));
    assertProblem("needs 12 data bytes, the entry has 16", Arrays.copyOf(good, good.length + 4));
    assertProblem("dtype '<f8' is not supported", withHeader(good, "<f4", "<f8"));
    assertProblem("fortran_order True", withHeader(good, "False", "True "));
    assertProblem("unexpected or repeated key 'descX'", withHeader(good, "descr", "descX"));
    assertProblem("shape extents must be non-negative", withHeader(good, "(3,)", "(-3)"));
    assertProblem("expected ':'", withHeader(good, "': '<f4'", "'  '<f4'"));
  }

  @Test
  void typedAccessChecksTheDtype() {
    Npy.Array floats = Npy.decode(Npy.encode(new float[] {1}, new int[0]));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, floats::longs);
    assertEquals("has dtype '<f4', expected '<i8'", e.getMessage());
  }

  /** Replaces text inside the header, keeping its length. */
  private static byte[] withHeader(byte[] file, String from, String to) {
    String text = new String(file, StandardCharsets.ISO_8859_1);
    assertEquals(from.length(), to.length());
    return text.replaceFirst(Pattern.quote(from), to).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void assertProblem(String expected, byte[] file) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Npy.decode(file));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
