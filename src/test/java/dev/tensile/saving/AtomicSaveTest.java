package dev.tensile.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.layers.Dense;
import dev.tensile.layers.Input;
import dev.tensile.layers.Layer;
import dev.tensile.models.Sequential;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A save that fails part-way leaves the previous file as it was and no temporary file behind. */
class AtomicSaveTest {
  @TempDir Path dir;

  /** A stream that fails once {@code limit} bytes have gone through, like a full disk. */
  private static UnaryOperator<OutputStream> failAfter(long limit, IOException failure) {
    return out ->
        new FilterOutputStream(out) {
          private long written;

          @Override
          public void write(int b) throws IOException {
            if (++written > limit) {
              throw failure;
            }
            out.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
              write(b[off + i]);
            }
          }
        };
  }

  /** Runs a save whose output stream is decorated, e.g. to fail after some bytes. */
  private static void failing(UnaryOperator<OutputStream> wrap, Save save) throws IOException {
    ModelFiles.WRITE_WRAP.set(wrap);
    try {
      save.run();
    } finally {
      ModelFiles.WRITE_WRAP.remove();
    }
  }

  /** A save that may fail. */
  private interface Save {
    void run() throws IOException;
  }

  private List<Path> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 10, 200, 1000, 3000})
  void aFailedSaveKeepsThePreviousFileByteForByte(long failAt) throws IOException {
    Path file = dir.resolve("model.keras");
    Sequential model = Fixtures.trainedModel();
    model.save(file);
    byte[] before = Files.readAllBytes(file);
    model.fit(Fixtures.BLOBS[0], Fixtures.BLOBS[1], Fixtures.fit(1));

    IOException failure = new IOException("disk full");
    IOException thrown =
        assertThrows(
            IOException.class, () -> failing(failAfter(failAt, failure), () -> model.save(file)));
    // The failure is reported naming the file, with the disk's own failure as its cause.
    assertSame(failure, thrown.getCause());
    assertTrue(thrown.getMessage().contains(file.toString()), thrown.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of(file), filesInDir());
    Sequential.load(file);
  }

  @Test
  void aFailedFirstSaveLeavesNoFileAtAll() {
    Path file = dir.resolve("new.keras");
    Sequential model = Fixtures.trainedModel();
    assertThrows(
        IOException.class,
        () -> failing(failAfter(100, new IOException("disk full")), () -> model.save(file)));
    assertFalse(Files.exists(file));
    assertThrows(
        IOException.class,
        () -> failing(failAfter(100, new IOException("full")), () -> model.saveWeights(file)));
    assertFalse(Files.exists(file));
  }

  @Test
  void aRuntimeFailureMidWriteAlsoCleansUp() throws IOException {
    Path file = dir.resolve("model.keras");
    Sequential model = Fixtures.trainedModel();
    model.saveWeights(file);
    byte[] before = Files.readAllBytes(file);
    UnaryOperator<OutputStream> crash =
        out ->
            new FilterOutputStream(out) {
              @Override
              public void write(byte[] b, int off, int len) {
                throw new IllegalStateException("crash");
              }
            };
    assertThrows(IllegalStateException.class, () -> failing(crash, () -> model.saveWeights(file)));
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of(file), filesInDir());
  }

  @Test
  void aSuccessfulSaveReplacesTheFileAndLeavesNothingElse() throws IOException {
    Path file = dir.resolve("model.keras");
    Sequential model = Fixtures.trainedModel();
    model.save(file);
    byte[] first = Files.readAllBytes(file);
    model.fit(Fixtures.BLOBS[0], Fixtures.BLOBS[1], Fixtures.fit(1));
    model.save(file);
    assertFalse(Arrays.equals(first, Files.readAllBytes(file)));
    assertEquals(List.of(file), filesInDir());
  }

  @Test
  void aModelTheFormatCannotDescribeIsRefusedBeforeWriting() {
    Layer custom =
        new Layer() {
          @Override
          protected int[] computeBuild(int[] sampleShape) {
            return sampleShape;
          }

          @Override
          public float[] forward(float[] input, int batch, boolean training) {
            return input;
          }

          @Override
          public float[] backward(float[] gradOutput, int batch) {
            return gradOutput;
          }
        }.name("mine");
    Sequential model = new Sequential(new Input(2), custom, new Dense(1));
    Path file = dir.resolve("model.keras");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.save(file));
    assertTrue(e.getMessage().startsWith("layer 'mine' is a "), e.getMessage());
    assertTrue(e.getMessage().endsWith("override getConfig() and register a factory to save it"),
        e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void aMetricOfOnesOwnIsRefusedBeforeWriting() {
    Sequential model = Fixtures.smallModel();
    model.compile(new dev.tensile.optimizers.Adam(),
        new dev.tensile.losses.SparseCategoricalCrossentropy(),
        new dev.tensile.extending.MeanAbsoluteError());
    Path file = dir.resolve("model.keras");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.save(file));
    assertTrue(e.getMessage().startsWith("unknown metric '"), e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void savingOverADirectoryFails() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    IOException e = assertThrows(IOException.class, () -> Fixtures.trainedModel().save(sub));
    assertTrue(e.getMessage().contains("it is a directory"), e.getMessage());
    assertTrue(Files.isDirectory(sub));
  }
}
