package dev.tensile.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {
  private static final Map<String, Number> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("epoch", 7);
    VALUES.put("loss", 0.56785);
    VALUES.put("neg", -1.5);
    VALUES.put("val_loss", 0.12345678);
  }

  /** Expected strings are Python's {@code str.format} of the same template and values. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "ckpt-{epoch:02d}-{loss:.2f}.keras|ckpt-07-0.57.keras",
    "{epoch}|7",
    "{val_loss}|0.12345678",
    "{val_loss:.3e}|1.235e-01",
    "{val_loss:E}|1.234568E-01",
    "{val_loss:f}|0.123457",
    "{epoch:5d}|'    7'",
    "{epoch:05.1f}|007.0",
    "{neg:08.3f}|-001.500",
    "{neg:.0f}|-2",
    "{{epoch}}-{epoch:03}|{epoch}-007",
    "model.keras|model.keras",
  })
  void matchesPythonFormat(String template, String python) {
    assertEquals(python, PathTemplate.format(template, VALUES));
  }

  @Test
  void unknownKeyNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> PathTemplate.format("m-{val_acc:.2f}", VALUES));
    assertTrue(e.getMessage().contains("{val_acc}"), e.getMessage());
    assertTrue(e.getMessage().contains("available: epoch, loss, neg, val_loss"), e.getMessage());
  }

  @Test
  void integerFormatOfAFloatIsRefusedAsInPython() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> PathTemplate.format("{loss:02d}", VALUES));
    assertTrue(e.getMessage().contains("loss is a float"), e.getMessage());
  }

  @Test
  void unsupportedSpecsAndBracesAreRefused() {
    for (String bad : new String[] {"{epoch:>5}", "{loss:.2g}", "{loss:.2}", "{epoch", "a}b"}) {
      IllegalArgumentException e = assertThrows(
          IllegalArgumentException.class, () -> PathTemplate.format(bad, VALUES), bad);
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }
}
