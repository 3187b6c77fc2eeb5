package dev.tensile.saving;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tensile.models.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of a valid {@code .keras} file, of its raw bytes and of each entry's content
 * (with the zip checksum made valid again, so the JSON and HDF5 readers see the damage): every
 * load either succeeds or fails with a {@link ModelFormatException}, within a time bound.
 */
class MutatedFileTest {
  @TempDir Path dir;

  @Test
  void everyMutationLoadsOrFailsCleanly() throws IOException {
    Path good = dir.resolve("good.keras");
    Fixtures.trainedModel().save(good);
    byte[] original = Files.readAllBytes(good);
    Path bad = dir.resolve("bad.keras");
    Random random = new Random(20261201L);
    List<String> entries = List.of("metadata.json", "config.json", "model.weights.h5");
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      for (int round = 0; round < 400; round++) {
        if (round % 2 == 0) {
          Files.write(bad, mutate(original, random));
        } else {
          String entry = entries.get(random.nextInt(entries.size()));
          Fixtures.rewrite(good, entry, b -> mutate(b, random), bad);
        }
        try {
          Sequential.load(bad);
        } catch (ModelFormatException expected) {
          // the file's problem is named; nothing else may escape
        } catch (RuntimeException | IOException | Error e) {
          throw new AssertionError("round " + round + ": " + e, e);
        }
      }
    });
  }

  @Test
  void everyMutationOfAnHdf5FileLoadsOrFailsCleanly() throws IOException {
    Path legacy = KerasFilesTest.DIR.resolve("adam_relu_softmax.h5");
    Path weights = KerasFilesTest.DIR.resolve("adam_relu_softmax.weights.h5");
    Sequential model = Sequential.load(KerasFilesTest.DIR.resolve("adam_relu_softmax.keras"));
    Path bad = dir.resolve("bad.h5");
    Random random = new Random(7L);
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      for (int round = 0; round < 300; round++) {
        boolean whole = round % 2 == 0;
        Files.write(bad, mutate(Files.readAllBytes(whole ? legacy : weights), random));
        try {
          if (whole) {
            Sequential.load(bad);
          } else {
            model.loadWeights(bad);
          }
        } catch (ModelFormatException expected) {
          // named; nothing else may escape
        } catch (RuntimeException | IOException | Error e) {
          throw new AssertionError("round " + round + ": " + e, e);
        }
      }
    });
  }

  /** Flips, overwrites with extreme bytes, truncates or duplicates a few places. */
  private static byte[] mutate(byte[] in, Random random) {
    byte[] b = in.clone();
    switch (random.nextInt(4)) {
      case 0:
        for (int k = 0; k < 1 + random.nextInt(8); k++) {
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
      case 1:
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
          int at = random.nextInt(b.length);
          for (int j = at; j < Math.min(b.length, at + 8); j++) {
            b[j] = random.nextBoolean() ? (byte) 0xff : (byte) 0x7f;
          }
        }
        return b;
      case 2:
        return java.util.Arrays.copyOf(b, random.nextInt(b.length));
      default:
        int from = random.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + random.nextInt(64));
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, from + len);
        System.arraycopy(b, from, out, from + len, b.length - from);
        return out;
    }
  }

}
