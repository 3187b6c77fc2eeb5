package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tensile.tensor.Shapes;

/**
 * Coverage-guided fuzz targets for the IDX reader (see docs/fuzzing.md). In a normal build each
 * target runs once per committed seed in {@code IdxReaderFuzzTestInputs/<target>/} beside this
 * class's resources, as a regression test; with {@code JAZZER_FUZZ=1} Jazzer fuzzes one target.
 */
class IdxReaderFuzzTest {
  private static final String NAME = "fuzz.idx";

  /**
   * Any bytes, raw IDX or gzip: either parsed, within the memory the input can justify, into
   * content that encodes back to itself, or refused with an {@link IdxFormatException} that names
   * the file. Anything else (another exception, an {@link OutOfMemoryError}, a hang) is a finding.
   */
  @FuzzTest(maxDuration = "20s")
  void parse(byte[] input) {
    IdxFile file;
    try {
      file = Idx.parse(input, NAME);
    } catch (IdxFormatException e) {
      assertTrue(e.getMessage().contains(NAME), e.getMessage());
      return;
    }
    assertTrue(
        file.bytes().length <= (long) input.length * IdxReader.MAX_DEFLATE_RATIO,
        "more data than the input can hold");
    assertEquals(Shapes.size(file.shape()) * file.type().bytesPerElement(), file.bytes().length);
    IdxFile again = parseOrFail(Idx.toBytes(file, false));
    assertEquals(file.type(), again.type());
    assertArrayEquals(file.shape(), again.shape());
    assertArrayEquals(file.bytes(), again.bytes());
  }

  /** Any type, shape and elements, raw or gzip: what is written reads back identically. */
  @FuzzTest(maxDuration = "20s")
  void writeThenRead(FuzzedDataProvider data) {
    IdxType type = data.pickValue(IdxType.values());
    boolean gzip = data.consumeBoolean();
    int[] shape = new int[data.consumeInt(1, 4)];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = data.consumeInt(0, 9);
    }
    int length = (int) Shapes.size(shape) * type.bytesPerElement();
    byte[] elements = java.util.Arrays.copyOf(data.consumeBytes(length), length);
    IdxFile file = IdxFile.of(type, elements, shape);
    IdxFile back = parseOrFail(Idx.toBytes(file, gzip));
    assertEquals(type, back.type());
    assertArrayEquals(shape, back.shape());
    assertArrayEquals(elements, back.bytes());
  }

  private static IdxFile parseOrFail(byte[] content) {
    try {
      return Idx.parse(content, "re-encoded");
    } catch (IdxFormatException e) {
      throw new AssertionError("what Idx wrote, it cannot read: " + e.getMessage(), e);
    }
  }
}
