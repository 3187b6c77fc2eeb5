package dev.tensile.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvTest {
  @TempDir Path dir;

  private static History twoEpochs() {
    History h = new History();
    h.onTrainBegin(new Logs(List.of()));
    h.onEpochEnd(0, Fixtures.logs("loss", 0.5, "accuracy", 0.75));
    h.onEpochEnd(1, Fixtures.logs("loss", 0.1, "accuracy", 0.875));
    return h;
  }

  @Test
  void csvHasTheEpochColumnThenSortedKeys() {
    assertEquals("epoch,accuracy,loss\r\n0,0.75,0.5\r\n1,0.875,0.1\r\n", twoEpochs().toCsv());
  }

  @Test
  void emptyHistoryIsAHeaderOnly() {
    assertEquals("epoch\r\n", new History().toCsv());
  }

  @Test
  void resumedEpochsKeepTheirNumbers() {
    History h = new History();
    h.onEpochEnd(3, Fixtures.logs("loss", 0.5));
    assertEquals("epoch,loss\r\n3,0.5\r\n", h.toCsv());
  }

  @Test
  void writeCsvReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("history.csv");
    Files.writeString(file, "an older, longer history that must go away entirely\n");
    History h = twoEpochs();
    h.writeCsv(file);
    assertEquals(h.toCsv(), Files.readString(file, StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void writeCsvGivesTheFileTheSamePermissionsAsAnOrdinaryWrite() throws IOException {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null);
    Path ordinary = dir.resolve("ordinary.csv");
    Files.writeString(ordinary, "x");
    Path file = dir.resolve("history.csv");
    twoEpochs().writeCsv(file);
    assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(file));
  }

  @Test
  void writeCsvNamesTheFileWhenItsDirectoryIsMissing() {
    Path file = dir.resolve("no-such-dir").resolve("history.csv");
    IOException e = assertThrows(IOException.class, () -> twoEpochs().writeCsv(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
