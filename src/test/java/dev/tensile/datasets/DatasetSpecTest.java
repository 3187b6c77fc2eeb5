package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Image and label files must agree: counts, label range, image size and element type. */
class DatasetSpecTest {
  private static final List<String> NAMES = List.of("xtr", "ytr", "xte", "yte");
  private final DatasetSpec spec = new TinyDataset(1).spec(URI.create("http://127.0.0.1:1/"));

  private static IdxFile images(int n, int rows, int cols) {
    return IdxFile.of(IdxType.UNSIGNED_BYTE, new byte[n * rows * cols], n, rows, cols);
  }

  private static IdxFile labels(byte... values) {
    return IdxFile.of(IdxType.UNSIGNED_BYTE, values, values.length);
  }

  private String reject(IdxFile xTrain, IdxFile yTrain) {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                spec.assemble(
                    List.of(xTrain, yTrain, images(1, 28, 28), labels((byte) 0)), NAMES, "t"));
    return e.getMessage();
  }

  @Test
  void agreeingFilesMakeADataset() throws IOException {
    Dataset d =
        spec.assemble(
            List.of(
                images(2, 28, 28), labels((byte) 9, (byte) 0), images(1, 28, 28), labels((byte) 3)),
            NAMES,
            "here");
    assertEquals(9f, d.yTrain().data()[0]);
    assertEquals("here", d.source());
  }

  @Test
  void countsMustMatch() {
    String m = reject(images(3, 28, 28), labels((byte) 1, (byte) 2));
    assertEquals(
        "ytr holds 2 labels but xtr holds 3 images (3, 28, 28); they must match one to one", m);
  }

  @Test
  void labelsMustBeClassIndices() {
    String m = reject(images(2, 28, 28), labels((byte) 1, (byte) 10));
    assertEquals("ytr: label 10 at index 1 is outside 0..9, the classes of Tiny", m);
  }

  @Test
  void imagesMustBe28By28UnsignedBytes() {
    String m = reject(images(1, 28, 27), labels((byte) 1));
    assertTrue(m.startsWith("xtr: holds IdxFile(UNSIGNED_BYTE, (1, 28, 27))"), m);
    assertTrue(m.endsWith("expected Tiny images: UNSIGNED_BYTE of shape (n, 28, 28)"), m);
    IdxFile shorts = IdxFile.of(IdxType.SHORT, new byte[2 * 784], 1, 28, 28);
    assertTrue(reject(shorts, labels((byte) 1)).startsWith("xtr: holds IdxFile(SHORT"));
    IdxFile matrix = IdxFile.of(IdxType.UNSIGNED_BYTE, new byte[2], 1, 2);
    assertTrue(reject(images(1, 28, 28), matrix).contains("expected labels"));
  }
}
