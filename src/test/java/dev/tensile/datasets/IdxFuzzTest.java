package dev.tensile.datasets;

import static dev.tensile.datasets.IdxBytes.concat;
import static dev.tensile.datasets.IdxBytes.gzip;
import static dev.tensile.datasets.IdxBytes.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tensile.tensor.Tensor;
import dev.tensile.utils.Rng;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid IDX files (flipped bytes, truncations, huge headers, appended and inserted bytes)
 * and checks that reading them only ever succeeds or raises {@link IdxFormatException}: never
 * another exception, an {@link OutOfMemoryError} or a hang.
 */
class IdxFuzzTest {
  private static final int MUTATIONS_PER_SEED_FILE = 50;

  private final Rng rng = new Rng(20240607L);

  private List<byte[]> seedFiles() {
    List<byte[]> seeds = new ArrayList<>();
    float[] values = new float[60];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextInt(100);
    }
    for (IdxType type : new IdxType[] {IdxType.UNSIGNED_BYTE, IdxType.SHORT, IdxType.DOUBLE}) {
      IdxFile file = IdxFile.fromTensor(Tensor.of(values, 3, 4, 5), type);
      seeds.add(Idx.toBytes(file, false));
      seeds.add(Idx.toBytes(file, true));
    }
    return seeds;
  }

  private byte[] mutate(byte[] valid) {
    byte[] b = valid.clone();
    switch (rng.nextInt(6)) {
      case 0: // flip a few bits anywhere
        for (int k = 1 + rng.nextInt(3); k > 0; k--) {
          b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8));
        }
        return b;
      case 1: // overwrite a byte with any value
        b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
        return b;
      case 2: // truncate
        return Arrays.copyOf(b, rng.nextInt(b.length));
      case 3: // append garbage
        byte[] tail = new byte[1 + rng.nextInt(8)];
        for (int i = 0; i < tail.length; i++) {
          tail[i] = (byte) rng.nextInt(256);
        }
        return concat(b, tail);
      case 4: // insert a byte
        int at = rng.nextInt(b.length);
        return concat(
            Arrays.copyOf(b, at),
            new byte[] {(byte) rng.nextInt(256)},
            Arrays.copyOfRange(b, at, b.length));
      default: // a huge header claim, raw or recompressed
        return hugeHeader(b);
    }
  }

  /** Rewrites a dimension to a huge value, keeping the data; recompresses gzip files. */
  private byte[] hugeHeader(byte[] valid) {
    boolean gz = (valid[0] & 0xFF) == 0x1F;
    byte[] content = gz ? Idx.toBytes(parseOrFail(valid), false) : valid.clone();
    int rank = content[3];
    int[] huge = {Integer.MAX_VALUE, 1 << 30, 0x7FFF_FFF0, 1 << 24, -1};
    ByteBuffer.wrap(content).putInt(4 + 4 * rng.nextInt(rank), huge[rng.nextInt(huge.length)]);
    return gz ? gzip(content) : content;
  }

  private static IdxFile parseOrFail(byte[] valid) {
    try {
      return Idx.parse(valid, "seed");
    } catch (IdxFormatException e) {
      throw new AssertionError("a seed file must be valid", e);
    }
  }

  @Test
  void mutatedFilesGiveOnlyTheDocumentedException() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          int rejected = 0;
          int total = 0;
          for (byte[] seed : seedFiles()) {
            for (int m = 0; m < MUTATIONS_PER_SEED_FILE; m++) {
              byte[] mutant = mutate(seed);
              total++;
              try {
                IdxFile read = Idx.parse(mutant, "mutant");
                assertTrue(read.size() <= 60, "a mutant never grows past what it holds");
                read.toTensor();
              } catch (IdxFormatException expected) {
                rejected++;
                assertTrue(expected.getMessage().startsWith("mutant: "));
              } catch (RuntimeException | Error e) {
                fail("mutation " + total + " " + Arrays.toString(mutant) + " threw " + e, e);
              }
            }
          }
          assertTrue(rejected > total / 2, "most mutants are invalid: " + rejected + "/" + total);
        });
  }

  @Test
  void headersClaimingAboutTwoToTheThirtyOneElementsDoNotAllocate() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          byte[] claim = header(0x08, 1 << 15, 1 << 16);
          byte[] justUnder = header(0x08, IdxReader.MAX_ARRAY);
          List<byte[]> files =
              List.of(
                  claim,
                  gzip(claim),
                  justUnder,
                  gzip(concat(justUnder, new byte[1 << 20])),
                  gzip(concat(header(0x0D, 1 << 28), new byte[1 << 20])));
          for (byte[] file : files) {
            try {
              Idx.parse(file, "huge");
              fail("a " + file.length + "-byte file cannot hold 2^31 elements");
            } catch (IdxFormatException expected) {
              assertTrue(expected.getMessage().contains("data bytes"), expected.getMessage());
            }
          }
        });
  }

  @Test
  void seedFilesAreValid() throws IdxFormatException {
    for (byte[] seed : seedFiles()) {
      assertArrayEquals(new int[] {3, 4, 5}, Idx.parse(seed, "seed").shape());
    }
  }
}
