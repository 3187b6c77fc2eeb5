package dev.tensile.callbacks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Null arguments to the callbacks' public API fail at once, naming the argument. */
class NullArgumentsTest {
  private static void names(Executable call, String argument) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(argument), e.getMessage());
  }

  @Test
  void eachNullIsNamed() {
    names(() -> new CSVLogger((String) null), "file");
    names(() -> new CSVLogger((Path) null), "file");
    names(() -> new CSVLogger("x.csv").separator(null), "separator");
    names(() -> new History().writeCsv(null), "file");
    names(() -> new Logs((List<String>) null), "keys");
    names(() -> Logs.of((Map<String, Double>) null), "entries");
    names(() -> new ProgbarLogger(1, 1, 1, null), "out");
    names(() -> new ModelCheckpoint((String) null), "path");
    names(() -> new ModelCheckpoint((Path) null), "path");
    names(() -> new LearningRateScheduler(null), "schedule");
    names(() -> new EarlyStopping().monitor(null), "monitor");
    names(() -> new EarlyStopping().mode(null), "mode");
  }
}
