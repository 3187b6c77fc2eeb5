package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/**
 * Coverage-guided fuzz target for the strict gzip decoder (see docs/fuzzing.md); in a normal build
 * it runs its committed seeds in {@code GzipInputFuzzTestInputs/inflate/} as regression tests.
 */
class GzipInputFuzzTest {
  private static final String NAME = "fuzz.gz";

  /**
   * Any bytes: either refused with an {@link IdxFormatException} naming the file, or inflated to
   * exactly what the JDK's lenient {@link GZIPInputStream} inflates them to. The strict decoder may
   * refuse more (reserved flags, trailing bytes), never accept more or decode differently.
   */
  @FuzzTest(maxDuration = "20s")
  void inflate(byte[] input) throws IOException {
    byte[] ours;
    try (GzipInput in = new GzipInput(new ByteArrayInputStream(input), NAME)) {
      ours = in.readAllBytes();
    } catch (IdxFormatException e) {
      assertTrue(e.getMessage().contains(NAME), e.getMessage());
      return;
    }
    byte[] jdk;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(input))) {
      jdk = in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError("accepted what the JDK refuses: " + e, e);
    }
    assertArrayEquals(jdk, ours);
  }
}
