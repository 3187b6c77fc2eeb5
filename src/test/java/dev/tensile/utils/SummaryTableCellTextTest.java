package dev.tensile.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Layouts worked out from rich's divide_line, rstrip_end and ellipsis truncation. */
class SummaryTableCellTextTest {
  @Test
  void shortTextIsPaddedToTheWidth() {
    assertEquals(
        List.of("dense (Dense)   "), SummaryTable.CellText.lines("dense (Dense)", 16, false));
    assertEquals(List.of("  0 (unbuilt)"), SummaryTable.CellText.lines("0 (unbuilt)", 13, true));
  }

  @Test
  void aTrailingSpaceBeyondTheWidthIsDropped() {
    // "dense " fits once its space is dropped; "(Dense)" is wider than the cell: cut.
    assertEquals(
        List.of("dense", "(Den\u2026"), SummaryTable.CellText.lines("dense (Dense)", 5, false));
  }

  @Test
  void rightAlignedLinesLoseTrailingSpacesAndOverlongWordsGetAnEllipsis() {
    assertEquals(
        List.of("    0", "(unb\u2026"), SummaryTable.CellText.lines("0 (unbuilt)", 5, true));
  }

  @Test
  void newlinesStartNewLinesAndEmptyTextIsOneBlankLine() {
    assertEquals(List.of("ab ", "cd "), SummaryTable.CellText.lines("ab\ncd", 3, false));
    assertEquals(List.of("    "), SummaryTable.CellText.lines("", 4, false));
  }

  @Test
  void anOverlongFirstWordIsCutOnItsOwnLine() {
    assertEquals(
        List.of("abcd\u2026", "xy   "), SummaryTable.CellText.lines("abcdefgh xy", 5, false));
  }
}
