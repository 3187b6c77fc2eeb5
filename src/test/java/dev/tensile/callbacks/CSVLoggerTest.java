package dev.tensile.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CSVLoggerTest {
  private static final String HEADER = "epoch,accuracy,loss,val_accuracy,val_loss\r\n";

  @TempDir Path dir;

  private static Logs epochLogs(double accuracy, double loss, double valAccuracy, double valLoss) {
    return Fixtures.logs(
        "loss", loss, "accuracy", accuracy, "val_loss", valLoss, "val_accuracy", valAccuracy);
  }

  private static void epochs(CSVLogger logger, int first, Logs... perEpoch) {
    Logs empty = new Logs(List.of());
    logger.onTrainBegin(empty);
    for (int i = 0; i < perEpoch.length; i++) {
      logger.onEpochEnd(first + i, perEpoch[i]);
    }
    logger.onTrainEnd(perEpoch[perEpoch.length - 1]);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void writesKerasCsvWithSortedKeysAndEpochsFromZero() throws IOException {
    Path file = dir.resolve("log.csv");
    epochs(new CSVLogger(file), 0,
        epochLogs(0.5, 0.25, 0.75, 0.125), epochLogs(0.625, 0.1, 0.875, 1e-05));
    assertEquals(HEADER + "0,0.5,0.25,0.75,0.125\r\n" + "1,0.625,0.1,0.875,1e-05\r\n", read(file));
  }

  @Test
  void flushesEachEpochBeforeTrainEnd() throws IOException {
    Path file = dir.resolve("log.csv");
    CSVLogger logger = new CSVLogger(file.toString());
    logger.onTrainBegin(new Logs(List.of()));
    logger.onEpochEnd(0, Fixtures.logs("loss", 0.5));
    assertEquals("epoch,loss\r\n0,0.5\r\n", read(file));
    logger.onTrainEnd(Fixtures.logs("loss", 0.5));
  }

  @Test
  void overwritesByDefaultAndAppendsWithoutASecondHeader() throws IOException {
    Path file = dir.resolve("log.csv");
    Files.writeString(file, "old text\n");
    epochs(new CSVLogger(file), 0, Fixtures.logs("loss", 0.5));
    assertEquals("epoch,loss\r\n0,0.5\r\n", read(file));
    epochs(new CSVLogger(file).append(true), 1, Fixtures.logs("loss", 0.25));
    assertEquals("epoch,loss\r\n0,0.5\r\n1,0.25\r\n", read(file));
    Path fresh = dir.resolve("fresh.csv");
    epochs(new CSVLogger(fresh).append(true), 0, Fixtures.logs("loss", 0.5));
    assertEquals("epoch,loss\r\n0,0.5\r\n", read(fresh));
  }

  @Test
  void otherSeparatorsQuoteFieldsThatContainThem() throws IOException {
    Path semicolons = dir.resolve("a.csv");
    epochs(new CSVLogger(semicolons).separator(";"), 0, Fixtures.logs("loss", 0.5, "acc", 1));
    assertEquals("epoch;acc;loss\r\n0;1.0;0.5\r\n", read(semicolons));
    Path dots = dir.resolve("b.csv");
    epochs(new CSVLogger(dots).separator("."), 0, Fixtures.logs("loss", 0.5));
    assertEquals("epoch.loss\r\n0.\"0.5\"\r\n", read(dots));
  }

  @Test
  void aMissingDirectoryIsReportedWithThePath() {
    Path file = dir.resolve("no/such/dir/log.csv");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> new CSVLogger(file).onTrainBegin(new Logs(List.of())));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CSVLogger(file).separator(""));
  }

  @Test
  void aRealFitWritesWhatTheHistoryHolds() throws IOException {
    Sequential net = Fixtures.blobNet(new Adam(), 3);
    Path file = dir.resolve("fit.csv");
    History h = net.fit(Fixtures.BLOBS[0], Fixtures.BLOBS[1], new FitOptions().epochs(2).verbose(0)
        .validationSplit(0.2).callbacks(new CSVLogger(file)));
    String csv = read(file);
    assertEquals(h.toCsv(), csv);
    String[] lines = csv.split("\r\n");
    assertEquals(3, lines.length);
    assertEquals(HEADER.trim(), lines[0]);
    assertEquals("1," + FloatRepr.of(h.last("accuracy")) + "," + FloatRepr.of(h.last("loss"))
        + "," + FloatRepr.of(h.last("val_accuracy")) + "," + FloatRepr.of(h.last("val_loss")),
        lines[2]);
  }
}
