package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.callbacks.History;
import dev.tensile.data.Batch;
import dev.tensile.data.BatchStream;
import dev.tensile.data.DataSource;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files streamed in chunks train exactly as the loaded tensors, in bounded memory. */
class IdxSourceTest {
  @TempDir Path dir;

  /** Random pixels of {@code n} 6x5 images and labels 0..3, written as IDX files. */
  private Tensor[] write(int n, int h, int w, boolean gzip, long seed) throws IOException {
    Rng rng = new Rng(seed);
    float[] pixels = new float[n * h * w];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = rng.nextInt(256);
    }
    float[] labels = new float[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(4);
    }
    Tensor x = Tensor.wrap(pixels, n, h, w);
    Tensor y = Tensor.wrap(labels, n);
    Idx.write(dir.resolve(gzip ? "x.gz" : "x"), x, IdxType.UNSIGNED_BYTE, gzip);
    Idx.write(dir.resolve(gzip ? "y.gz" : "y"), y, IdxType.UNSIGNED_BYTE, gzip);
    return new Tensor[] {x, y};
  }

  private IdxSource open(boolean gzip) throws IOException {
    return IdxSource.open(dir.resolve(gzip ? "x.gz" : "x"), dir.resolve(gzip ? "y.gz" : "y"));
  }

  private static Sequential model(int h, int w) {
    Sequential m = new Sequential(
        new Input(h, w), new Flatten(), new Dense(12, "relu"), new Dense(4, "softmax"));
    m.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
    m.build(h, w);
    return m;
  }

  private static Sequential twinOf(Sequential m, int h, int w) {
    Sequential twin = model(h, w);
    twin.setWeights(m.getWeights());
    return twin;
  }

  private static void assertSameWeights(Sequential a, Sequential b) {
    List<Tensor> wa = a.getWeights();
    List<Tensor> wb = b.getWeights();
    for (int i = 0; i < wa.size(); i++) {
      assertArrayEquals(wa.get(i).data(), wb.get(i).data(), "weight " + i + " differs");
    }
  }

  @Test
  void rawFilesShuffleAndTrainBitForBitAsTheLoadedTensors() throws IOException {
    Tensor[] data = write(200, 6, 5, false, 1);
    Sequential a = model(6, 5);
    Sequential b = twinOf(a, 6, 5);
    FitOptions options = new FitOptions().epochs(2).batchSize(16).verbose(0).seed(9);
    History ha = a.fit(data[0].div(255f).rows(0, 150), data[1].rows(0, 150), options
        .validationData(data[0].div(255f).rows(150, 200), data[1].rows(150, 200)));
    IdxSource source = open(false).divideBy(255);
    History hb = b.fit(source.rows(0, 150), new FitOptions().epochs(2).batchSize(16).verbose(0)
        .seed(9).validationData(source.rows(150, 200)));
    assertEquals(ha.history(), hb.history());
    assertSameWeights(a, b);
  }

  @Test
  void gzipFilesInOrderTrainBitForBitAsTheLoadedTensors() throws IOException {
    Tensor[] data = write(120, 6, 5, true, 2);
    Sequential a = model(6, 5);
    Sequential b = twinOf(a, 6, 5);
    History ha = a.fit(data[0].div(255f).rows(20, 120), data[1].rows(20, 120),
        new FitOptions().epochs(2).batchSize(16).shuffle(false).verbose(0));
    History hb = b.fit(open(true).divideBy(255).rows(20, 120),
        new FitOptions().epochs(2).batchSize(16).shuffle(false).verbose(0));
    assertEquals(ha.history(), hb.history());
    assertSameWeights(a, b);
  }

  @Test
  void gzipShuffleBufferYieldsEverySampleOnceInASeededOrder() throws IOException {
    Tensor[] data = write(100, 2, 2, true, 3);
    IdxSource source = open(true).shuffleBuffer(10);
    float[] first = epochInputs(source, 77);
    assertArrayEquals(first, epochInputs(source, 77));
    assertTrue(!Arrays.equals(first, epochInputs(source, 78)));
    assertTrue(!Arrays.equals(first, data[0].data()));
    float[] sortedGot = first.clone();
    float[] sortedExpected = data[0].data().clone();
    // Compare as multisets of samples: sort the samples by their four values.
    assertEquals(sampleSet(sortedExpected), sampleSet(sortedGot));
  }

  private static List<String> sampleSet(float[] values) {
    String[] s = new String[values.length / 4];
    for (int i = 0; i < s.length; i++) {
      s[i] = Arrays.toString(Arrays.copyOfRange(values, 4 * i, 4 * i + 4));
    }
    Arrays.sort(s);
    return List.of(s);
  }

  private static float[] epochInputs(DataSource source, long seed) {
    float[] all = new float[(int) source.size() * 4];
    int n = 0;
    Batch batch = new Batch();
    try (BatchStream s = source.open(7, seed)) {
      while (s.next(batch)) {
        System.arraycopy(batch.inputs(), 0, all, n * 4, batch.size() * 4);
        n += batch.size();
      }
    }
    assertEquals(source.size(), n);
    return all;
  }

  @Test
  void trainingFromAFileLargerThanTheMemoryItMayUseStaysBounded() throws IOException {
    int n = 20_000;
    write(n, 28, 28, true, 4);
    long asFloats = 4L * n * 28 * 28;
    long limit = 8L << 20;
    Sequential m = new Sequential(new Input(28, 28), new Flatten(), new Dense(4, "softmax"));
    m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    IdxSource source = open(true).divideBy(255).shuffleBuffer(512);
    FitOptions options = new FitOptions().epochs(1).batchSize(64).verbose(0).seed(1);
    m.fit(source.rows(0, 640), options);
    long before = allocatedBytes();
    m.fit(source, new FitOptions().epochs(2).batchSize(64).verbose(0).seed(1));
    long allocated = allocatedBytes() - before;
    assertTrue(allocated < limit,
        "two epochs over " + n + " samples (" + asFloats + " bytes as floats) allocated "
            + allocated + " bytes, above the " + limit + " allowed");
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  @Test
  void everyElementTypeStreamsAsTheLoadedTensor() throws IOException {
    Rng rng = new Rng(6);
    float[] values = new float[12 * 3];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextInt(200) - 100;
    }
    Tensor x = Tensor.wrap(values, 12, 3);
    Idx.write(dir.resolve("labels"), Tensor.wrap(new float[12], 12), IdxType.UNSIGNED_BYTE, false);
    for (IdxType type : List.of(IdxType.SIGNED_BYTE, IdxType.SHORT, IdxType.INT, IdxType.FLOAT,
        IdxType.DOUBLE)) {
      for (boolean gzip : List.of(false, true)) {
        Path file = dir.resolve(type + (gzip ? ".gz" : ""));
        Idx.write(file, x, type, gzip);
        IdxSource source = IdxSource.open(file, dir.resolve("labels")).divideBy(4);
        float[] got = new float[values.length];
        Batch batch = new Batch();
        int n = 0;
        try (BatchStream s = source.open(5)) {
          while (s.next(batch)) {
            System.arraycopy(batch.inputs(), 0, got, n * 3, batch.size() * 3);
            n += batch.size();
          }
        }
        assertArrayEquals(Idx.readTensor(file).div(4f).data(), got, type + " gzip " + gzip);
      }
    }
  }

  @Test
  void mismatchedAndTruncatedFilesFailWithTheFileAndTheProblem() throws IOException {
    write(30, 2, 2, false, 5);
    Idx.write(dir.resolve("y10"), Tensor.wrap(new float[10], 10), IdxType.UNSIGNED_BYTE, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IdxSource.open(dir.resolve("x"), dir.resolve("y10")));
    assertTrue(e.getMessage().contains("hold 30 samples"), e.getMessage());
    byte[] whole = Idx.toBytes(IdxFile.fromTensor(Tensor.wrap(new float[400], 100, 4),
        IdxType.UNSIGNED_BYTE), true);
    // A gzip file cut short: its header passes the size bound, its data ends early.
    Files.write(dir.resolve("cut.gz"), Arrays.copyOf(whole, whole.length - 12));
    Files.write(dir.resolve("cut-labels"), Idx.toBytes(
        IdxFile.fromTensor(Tensor.wrap(new float[100], 100), IdxType.UNSIGNED_BYTE), false));
    IdxSource cut = IdxSource.open(dir.resolve("cut.gz"), dir.resolve("cut-labels"));
    UncheckedIOException u = assertThrows(UncheckedIOException.class, () -> {
      Batch batch = new Batch();
      try (BatchStream s = cut.open(32)) {
        while (s.next(batch)) {
          assertTrue(batch.size() > 0);
        }
      }
    });
    assertTrue(u.getCause() instanceof IdxFormatException, u.toString());
    assertTrue(u.getCause().getMessage().contains("cut.gz"), u.getCause().getMessage());
    assertThrows(IllegalArgumentException.class, () -> IdxSource.open(dir.resolve("x"))
        .rows(5, 5));
  }
}
