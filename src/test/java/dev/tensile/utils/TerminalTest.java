package dev.tensile.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void summaryLineLengthIsKerasMinOf88AndColumnsMinus4() {
    assertTrue(Terminal.columns() > 0);
    assertEquals(Math.min(88, Terminal.columns() - 4), Terminal.summaryLineLength());
  }

  @Test
  void everyCharsetCanEncodeAscii() {
    assertTrue(Terminal.canEncode('='));
  }
}
