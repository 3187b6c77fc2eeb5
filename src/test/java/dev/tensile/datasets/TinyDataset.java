package dev.tensile.datasets;

import static dev.tensile.datasets.IdxBytes.concat;
import static dev.tensile.datasets.IdxBytes.header;

import dev.tensile.utils.Rng;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small fake dataset in the MNIST layout (12 training and 5 test images of 28x28 random bytes,
 * labels 0..9), built by hand, and the spec that describes it with its real hashes.
 */
final class TinyDataset {
  static final int TRAIN = 12;
  static final int TEST = 5;
  static final String NAME = "tiny";

  /** Nothing listens on port 1 of the loopback address, so a download there fails at once. */
  static final URI DEAD_MIRROR = URI.create("http://127.0.0.1:1/");

  /** Decompressed content by file name, in the spec's order. */
  final Map<String, byte[]> contents = new LinkedHashMap<>();

  final byte[] trainPixels;
  final byte[] trainLabels;

  TinyDataset(long seed) {
    Rng rng = new Rng(seed);
    trainPixels = random(rng, TRAIN * 784, 256);
    trainLabels = random(rng, TRAIN, 10);
    contents.put(DatasetSpec.TRAIN_IMAGES, concat(header(0x08, TRAIN, 28, 28), trainPixels));
    contents.put(DatasetSpec.TRAIN_LABELS, concat(header(0x08, TRAIN), trainLabels));
    contents.put(
        DatasetSpec.TEST_IMAGES, concat(header(0x08, TEST, 28, 28), random(rng, TEST * 784, 256)));
    contents.put(DatasetSpec.TEST_LABELS, concat(header(0x08, TEST), random(rng, TEST, 10)));
  }

  /** The spec with these files' hashes, downloading from {@code mirror}. */
  DatasetSpec spec(URI mirror) {
    List<DataFile> files =
        contents.entrySet().stream()
            .map(e -> new DataFile(e.getKey(), sha256(e.getValue())))
            .toList();
    return new DatasetSpec(
        NAME,
        "Tiny",
        files.get(0),
        files.get(1),
        files.get(2),
        files.get(3),
        28,
        28,
        10,
        null,
        "dataset-tiny",
        mirror);
  }

  /** Writes the four files, gzip-compressed under their .gz names or raw without the suffix. */
  Path writeTo(Path dir, boolean gzip) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> e : contents.entrySet()) {
      if (gzip) {
        Files.write(dir.resolve(e.getKey()), IdxBytes.gzip(e.getValue()));
      } else {
        Files.write(dir.resolve(e.getKey().replace(".gz", "")), e.getValue());
      }
    }
    return dir;
  }

  /** A downloader that cannot reach any server. */
  static Downloader offline() {
    return new Downloader(DEAD_MIRROR, Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] random(Rng rng, int n, int bound) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) rng.nextInt(bound);
    }
    return b;
  }
}
