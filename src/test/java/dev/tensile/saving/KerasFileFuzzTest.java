package dev.tensile.saving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tensile.models.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzz target for the model-file readers (see docs/fuzzing.md): any bytes, as a
 * {@code .keras} archive, a {@code .weights.h5} or a legacy {@code .h5} file, either load or are
 * refused with a {@link ModelFormatException} naming the file, within bounded memory. In a normal
 * build it runs its committed seeds in {@code KerasFileFuzzTestInputs/load/} as regression tests.
 */
class KerasFileFuzzTest {
  @FuzzTest(maxDuration = "20s")
  void load(byte[] input) throws IOException {
    Path file = Files.createTempFile("fuzz-", ".keras");
    try {
      Files.write(file, input);
      try {
        Sequential.load(file);
      } catch (ModelFormatException e) {
        assertTrue(e.getMessage().startsWith("cannot load " + file), e.getMessage());
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
