package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxRoundTripTest {
  @TempDir Path dir;

  /** Values every type can hold, including each integer type's extremes where it fits. */
  private static float[] valuesFor(IdxType type) {
    switch (type) {
      case UNSIGNED_BYTE:
        return new float[] {0, 1, 127, 128, 254, 255};
      case SIGNED_BYTE:
        return new float[] {-128, -1, 0, 1, 100, 127};
      case SHORT:
        return new float[] {-32768, -1, 0, 1, 1000, 32767};
      case INT:
        return new float[] {-2147483648f, -70000, 0, 1, 1 << 24, 123456};
      case FLOAT:
        return new float[] {-1.5f, 0, Float.MIN_VALUE, 3.25f, Float.MAX_VALUE, Float.NaN};
      default:
        return new float[] {-1e30f, -0.5f, 0, 0.1f, 1e-30f, Float.NEGATIVE_INFINITY};
    }
  }

  @Test
  void everyTypeRoundTripsThroughFilesRawAndGzip() throws IOException {
    for (IdxType type : IdxType.values()) {
      for (boolean gzip : new boolean[] {false, true}) {
        Tensor t = Tensor.of(valuesFor(type), 2, 3);
        Path file = dir.resolve(type + (gzip ? ".gz" : ".idx"));
        Idx.write(file, t, type, gzip);
        IdxFile back = Idx.read(file);
        String what = type + (gzip ? " gzip" : " raw");
        assertEquals(type, back.type(), what);
        assertArrayEquals(new int[] {2, 3}, back.shape(), what);
        assertArrayEquals(t.data(), back.toTensor().data(), what);
        assertArrayEquals(t.data(), Idx.readTensor(file).data(), what);
        byte[] stored = Files.readAllBytes(file);
        assertEquals(gzip, (stored[0] & 0xFF) == 0x1F && (stored[1] & 0xFF) == 0x8B, what);
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(12, files.count(), "no temporary files are left");
    }
  }

  @Test
  void gzipIsDecidedByContentNotName() throws IOException {
    IdxFile content = IdxFile.of(IdxType.UNSIGNED_BYTE, IdxBytes.counting(6), 3, 2);
    Path misnamed = dir.resolve("raw.gz");
    Path plain = dir.resolve("compressed.idx");
    Files.write(misnamed, Idx.toBytes(content, false));
    Files.write(plain, Idx.toBytes(content, true));
    assertArrayEquals(content.bytes(), Idx.read(misnamed).bytes());
    assertArrayEquals(content.bytes(), Idx.read(plain).bytes());
  }

  @Test
  void handBuiltFileReadsAsSpecified() throws IOException {
    ByteBuffer data = ByteBuffer.allocate(8).putShort((short) -2).putShort((short) 300);
    data.putShort((short) 7).putShort((short) 0);
    byte[] file = IdxBytes.concat(IdxBytes.header(0x0B, 2, 1, 2), data.array());
    IdxFile idx = Idx.parse(file, "shorts");
    assertEquals(IdxType.SHORT, idx.type());
    assertArrayEquals(new int[] {2, 1, 2}, idx.shape());
    assertArrayEquals(new float[] {-2, 300, 7, 0}, idx.toTensor().data());
    assertArrayEquals(file, Idx.toBytes(idx, false), "the writer produces the same bytes");
    assertArrayEquals(idx.bytes(), Idx.parse(IdxBytes.gzip(file), "shorts.gz").bytes());
  }

  @Test
  void unsignedBytesAreReadableWithoutAFloatCopy() throws IOException {
    byte[] pixels = {0, 1, (byte) 128, (byte) 255};
    IdxFile idx = Idx.parse(IdxBytes.concat(IdxBytes.header(0x08, 4), pixels), "pixels");
    assertArrayEquals(pixels, idx.bytes());
    assertEquals(255, idx.bytes()[3] & 0xFF);
    assertArrayEquals(new float[] {0, 1, 128, 255}, idx.toTensor().data());
  }

  @Test
  void emptyDimensionsAreValid() throws IOException {
    IdxFile empty = Idx.parse(IdxBytes.header(0x08, 0, 28, 28), "empty");
    assertArrayEquals(new int[] {0, 28, 28}, empty.shape());
    assertEquals(0, empty.toTensor().size());
  }

  @Test
  void writingReplacesAnExistingFile() throws IOException {
    Path file = dir.resolve("x.idx");
    Idx.write(file, Tensor.of(new float[] {1, 2}, 2), IdxType.INT, false);
    Idx.write(file, Tensor.of(new float[] {3, 4, 5}, 3), IdxType.INT, true);
    assertArrayEquals(new float[] {3, 4, 5}, Idx.readTensor(file).data());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void valuesThatDoNotFitTheTypeAreRejected() {
    Tensor t = Tensor.of(new float[] {0, 255, 256}, 3);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> IdxFile.fromTensor(t, IdxType.UNSIGNED_BYTE));
    assertTrue(e.getMessage().contains("256.0 at flat index 2"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> IdxFile.fromTensor(Tensor.of(new float[] {0.5f}, 1), IdxType.INT));
    assertThrows(
        IllegalArgumentException.class,
        () -> IdxFile.fromTensor(Tensor.of(new float[] {-129}, 1), IdxType.SIGNED_BYTE));
    assertThrows(
        IllegalArgumentException.class,
        () -> IdxFile.fromTensor(Tensor.of(new float[] {Float.NaN}, 1), IdxType.SHORT));
    assertThrows(
        IllegalArgumentException.class,
        () -> IdxFile.fromTensor(Tensor.of(new float[] {1}), IdxType.FLOAT),
        "a scalar has no dimensions");
    assertThrows(IllegalArgumentException.class, () -> IdxFile.of(IdxType.SHORT, new byte[3], 2));
  }
}
