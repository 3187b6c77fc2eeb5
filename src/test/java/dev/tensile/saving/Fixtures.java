package dev.tensile.saving;

import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Input;
import dev.tensile.layers.Names;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.testing.Synthetic;
import dev.tensile.utils.RandomSeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Small models, data and file surgery shared by the saving tests. */
final class Fixtures {
  /** 48 samples of 4 features in 3 well-separated classes. */
  static final Tensor[] BLOBS = Synthetic.blobs(48, 4, 3, 11);

  private Fixtures() {}

  /** Quiet, seeded, shuffled training in batches of 8. */
  static FitOptions fit(int epochs) {
    return new FitOptions().epochs(epochs).batchSize(8).seed(5).verbose(0);
  }

  /**
   * A small model with dropout, its layers named {@code dense}, {@code dropout}, {@code dense_1}:
   * the same names, weights and dropout seed every call.
   */
  static Sequential smallModel() {
    RandomSeed.set(1);
    Names.reset();
    return new Sequential(
        new Input(4), new Dense(8, "relu"), new Dropout(0.25), new Dense(3, "softmax"));
  }

  /** A small model trained for one epoch with Adam. */
  static Sequential trainedModel() {
    Sequential model = smallModel();
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    model.fit(BLOBS[0], BLOBS[1], fit(1));
    return model;
  }

  /** Reads every entry of a zip, in order. */
  static Map<String, byte[]> entries(Path file) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        try (InputStream in = zip.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }

  /** Writes a copy of a zip with one entry's bytes changed (compressed, with a valid CRC). */
  static Path rewrite(Path file, String entry, UnaryOperator<byte[]> change, Path to)
      throws IOException {
    Map<String, byte[]> all = entries(file);
    if (!all.containsKey(entry)) {
      throw new IllegalArgumentException("no entry " + entry + " in " + all.keySet());
    }
    all.put(entry, change.apply(all.get(entry)));
    try (OutputStream out = Files.newOutputStream(to);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : all.entrySet()) {
        if (e.getValue() != null) {
          zip.putNextEntry(new ZipEntry(e.getKey()));
          zip.write(e.getValue());
          zip.closeEntry();
        }
      }
    }
    return to;
  }

  /** Writes a copy of a zip with a JSON entry's text replaced. */
  static Path rewriteText(Path file, String entry, UnaryOperator<String> change, Path to)
      throws IOException {
    return rewrite(
        file,
        entry,
        b -> change.apply(new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
        to);
  }

  /** Finds the first occurrence of {@code part} in {@code whole}. */
  static int indexOf(byte[] whole, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= whole.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (whole[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }
}
