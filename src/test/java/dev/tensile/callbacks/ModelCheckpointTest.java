package dev.tensile.callbacks;

import static dev.tensile.callbacks.Fixtures.firstWeight;
import static dev.tensile.callbacks.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adam;
import dev.tensile.utils.Formats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {
  @TempDir Path dir;

  private final Sequential model = Fixtures.model();

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void savesEveryEpochOfARealFitUnderFormattedNames() throws IOException {
    Sequential net = Fixtures.blobNet(new Adam(0.01), 2);
    ModelCheckpoint checkpoint =
        new ModelCheckpoint(path("ckpt-{epoch:02d}-{val_loss:.2f}.keras"));
    History h = net.fit(Fixtures.BLOBS[0], Fixtures.BLOBS[1], new FitOptions().epochs(3)
        .verbose(0).seed(1).validationSplit(0.2).callbacks(checkpoint));
    List<String> expected = List.of(
        "ckpt-01-" + Formats.fixed(h.get("val_loss").get(0), 2) + ".keras",
        "ckpt-02-" + Formats.fixed(h.get("val_loss").get(1), 2) + ".keras",
        "ckpt-03-" + Formats.fixed(h.get("val_loss").get(2), 2) + ".keras");
    assertEquals(expected, files());
    Sequential last = Sequential.load(dir.resolve(expected.get(2)));
    assertArrayEquals(net.predict(Fixtures.BLOBS[0]).data(),
        last.predict(Fixtures.BLOBS[0]).data());
  }

  @Test
  void saveBestOnlySavesTheEpochsThatImprove() throws IOException {
    ModelCheckpoint checkpoint = new ModelCheckpoint(path("m-{epoch}.keras")).saveBestOnly(true);
    run(checkpoint, model, "val_loss", 1.0, 0.8, 0.9, 0.8, 0.7);
    assertEquals(List.of("m-1.keras", "m-2.keras", "m-5.keras"), files());
    assertEquals(0.7, checkpoint.best().getAsDouble());
  }

  @Test
  void aFixedNameHoldsTheBestEpochsModel() throws IOException {
    Path best = dir.resolve("best.keras");
    run(new ModelCheckpoint(best.toString()).saveBestOnly(true), model, "val_loss",
        1.0, 0.8, 0.9, 0.95);
    // Fixtures.run sets the weights to e + 1 during epoch e: epoch 1 was the best.
    assertEquals(2f, firstWeight(Sequential.load(best)));
  }

  @Test
  void maxModeForAccuracyAndAThresholdToBeat() throws IOException {
    ModelCheckpoint checkpoint = new ModelCheckpoint(path("a-{epoch}.keras"))
        .monitor("val_accuracy").saveBestOnly(true).initialValueThreshold(0.6);
    run(checkpoint, model, "val_accuracy", 0.5, 0.6, 0.7, 0.65, 0.8);
    assertEquals(List.of("a-3.keras", "a-5.keras"), files());
  }

  @Test
  void theBestCarriesOverToTheNextFit() throws IOException {
    ModelCheckpoint checkpoint = new ModelCheckpoint(path("c-{epoch}-{val_loss}.keras"))
        .saveBestOnly(true);
    run(checkpoint, model, "val_loss", 0.5);
    run(checkpoint, model, "val_loss", 0.6, 0.4);
    assertEquals(List.of("c-1-0.5.keras", "c-2-0.4.keras"), files());
  }

  @Test
  void weightsOnlyFilesLoadIntoAModel() {
    Path weights = dir.resolve("w.weights.h5");
    run(new ModelCheckpoint(weights.toString()).saveWeightsOnly(true), model, "val_loss", 1, 2);
    Sequential other = Fixtures.model();
    try {
      other.loadWeights(weights);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(2f, firstWeight(other));
  }

  @Test
  void verboseMessagesAsKeras() {
    String p = path("v.keras");
    try (Captured c = new Captured()) {
      run(new ModelCheckpoint(p).saveBestOnly(true).verbose(1), model, "val_loss", 0.5, 0.6,
          0.25);
      assertEquals(
          "\nEpoch 1: val_loss improved from None to 0.50000, saving model to " + p + "\n"
              + "\nEpoch 1: finished saving model to " + p + "\n"
              + "\nEpoch 2: val_loss did not improve from 0.50000\n"
              + "\nEpoch 3: val_loss improved from 0.50000 to 0.25000, saving model to " + p
              + "\n"
              + "\nEpoch 3: finished saving model to " + p + "\n",
          c.out());
    }
    try (Captured c = new Captured()) {
      run(new ModelCheckpoint(p).verbose(1), model, "val_loss", 0.5);
      assertEquals("\nEpoch 1: saving model to " + p + "\n"
          + "\nEpoch 1: finished saving model to " + p + "\n", c.out());
    }
  }

  @Test
  void silentByDefault() {
    try (Captured c = new Captured()) {
      run(new ModelCheckpoint(path("s.keras")).saveBestOnly(true), model, "val_loss", 1, 0.5);
      assertEquals("", c.out());
      assertEquals("", c.err());
    }
  }

  @Test
  void aMissingMonitoredKeyWarnsAndSavesAnyway() throws IOException {
    try (Captured c = new Captured()) {
      run(new ModelCheckpoint(path("k-{epoch}.keras")).saveBestOnly(true), model, "loss", 1, 2);
      assertTrue(c.err().contains("'val_loss'") && c.err().contains("available: loss"), c.err());
    }
    assertEquals(List.of("k-1.keras", "k-2.keras"), files());
  }

  @Test
  void createsMissingDirectories() {
    run(new ModelCheckpoint(path("a/b/m.keras")), model, "val_loss", 1);
    assertTrue(Files.isRegularFile(dir.resolve("a/b/m.keras")));
  }

  @Test
  void anUnknownTemplateKeyListsTheLoggedOnes() {
    ModelCheckpoint checkpoint = new ModelCheckpoint(path("m-{val_acc:.2f}.keras"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run(checkpoint, model, "val_loss", 1));
    assertTrue(e.getMessage().contains("{val_acc}"), e.getMessage());
    assertTrue(e.getMessage().contains("available: epoch, val_loss"), e.getMessage());
  }

  @Test
  void aDirectoryPathIsRefused() throws IOException {
    Files.createDirectory(dir.resolve("taken"));
    ModelCheckpoint checkpoint = new ModelCheckpoint(path("taken"));
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> run(checkpoint, model, "val_loss", 1));
    assertTrue(e.getMessage().contains("directory"), e.getMessage());
    assertTrue(e.getMessage().contains(path("taken")), e.getMessage());
  }

  @Test
  void anUnknownMonitorInAutoModeFailsEvenWhenSavingEveryEpoch() {
    ModelCheckpoint checkpoint = new ModelCheckpoint(path("m.keras")).monitor("val_auc");
    assertThrows(IllegalStateException.class, () -> run(checkpoint, model, "val_auc", 1));
    assertFalse(Files.exists(dir.resolve("m.keras")));
    assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint(""));
  }

  @Test
  void toStringShowsEverySetting() {
    assertEquals("ModelCheckpoint(filepath=m.keras, monitor=val_loss, verbose=0, "
        + "saveBestOnly=true, saveWeightsOnly=false, mode=auto, initialValueThreshold=null)",
        new ModelCheckpoint("m.keras").saveBestOnly(true).toString());
  }
}
