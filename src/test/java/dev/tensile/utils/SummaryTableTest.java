package dev.tensile.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.utils.SummaryTable.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
  private static final List<Row> MLP =
      List.of(
          new Row("flatten", "Flatten", "(None, 784)", 0, true),
          new Row("dense", "Dense", "(None, 100)", 78_500, true),
          new Row("dense_1", "Dense", "(None, 10)", 1_010, true));

  /** Keras 3's output for Input(28, 28) → Flatten → Dense(100, relu) → Dense(10, softmax). */
  @Test
  void rendersKerasTableForTheFashionMnistMlp() {
    String expected =
        """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ flatten (Flatten)               │ (None, 784)            │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense (Dense)                   │ (None, 100)            │        78,500 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_1 (Dense)                 │ (None, 10)             │         1,010 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 79,510 (310.59 KB)
         Trainable params: 79,510 (310.59 KB)
         Non-trainable params: 0 (0.00 B)
        """;

    assertEquals(expected, SummaryTable.render("sequential", MLP, 79_510, 0, -1, 0, 76));
  }

  @Test
  void rendersTheSoftmaxRegressionModel() {
    String expected =
        """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ dense (Dense)                   │ (None, 10)             │         7,850 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 7,850 (30.66 KB)
         Trainable params: 7,850 (30.66 KB)
         Non-trainable params: 0 (0.00 B)
        """;
    List<Row> rows = List.of(new Row("dense", "Dense", "(None, 10)", 7_850, true));

    assertEquals(expected, SummaryTable.render("sequential", rows, 7_850, 0, -1, 0, 76));
  }

  /** Keras's worked numbers after fit with Adam: 2 × 79,510 slots + iterations (int64) + lr. */
  @Test
  void optimizerLineAndTotalsAfterFitWithAdam() {
    String summary =
        SummaryTable.render("sequential", MLP, 79_510, 0, 159_022, 636_080 + 8 + 4, 76);

    assertTrue(
        summary.endsWith(
            """
            └─────────────────────────────────┴────────────────────────┴───────────────┘
             Total params: 238,532 (931.77 KB)
             Trainable params: 79,510 (310.59 KB)
             Non-trainable params: 0 (0.00 B)
             Optimizer params: 159,022 (621.18 KB)
            """),
        summary);
  }

  @Test
  void plainSgdOptimizerLine() {
    String summary = SummaryTable.render("sequential", MLP, 79_510, 0, 2, 12, 76);

    assertTrue(summary.endsWith(" Optimizer params: 2 (12.00 B)\n"), summary);
    assertTrue(summary.contains(" Total params: 79,512 (310.60 KB)\n"), summary);
  }

  @Test
  void unbuiltLayerShowsQuestionMarkAndUnbuilt() {
    List<Row> rows = List.of(new Row("dense", "Dense", "?", 0, false));
    String summary = SummaryTable.render("sequential", rows, 0, 0, -1, 0, 76);

    assertTrue(
        summary.contains(
            "│ dense (Dense)                   │ ?                      │   0 (unbuilt) │\n"),
        summary);
  }

  @Test
  void aFortyCharacterNameGetsAnEllipsisAndTheTypeWrapsBelow() {
    String name = "classifier_head_dense_projection_layer_1";
    assertEquals(40, name.length());
    List<Row> rows = List.of(new Row(name, "Dense", "(None, 10)", 110, true));
    String summary = SummaryTable.render("sequential", rows, 110, 0, -1, 0, 76);

    // rich's columns use overflow="ellipsis": a word wider than the cell is cut, not folded.
    assertTrue(
        summary.contains(
            "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩\n"
                + "│ classifier_head_dense_projecti… │ (None, 10)             │           110 │\n"
                + "│ (Dense)                         │                        │               │\n"
                + "└─────────────────────────────────┴────────────────────────┴───────────────┘\n"),
        summary);
  }

  @Test
  void longCellTextWrapsAtSpaces() {
    List<Row> rows =
        List.of(
            new Row(
                "my long layer name that keeps going",
                "Dense",
                "(None, 28, 28, 3, 4, 5, 6, 7, 8, 9, 10)",
                1,
                true));
    String summary = SummaryTable.render("m", rows, 1, 0, -1, 0, 76);

    assertTrue(
        summary.contains(
            "│ my long layer name that keeps   │ (None, 28, 28, 3, 4,   │             1 │\n"
                + "│ going (Dense)                   │ 5, 6, 7, 8, 9, 10)     │               │\n"),
        summary);
  }

  @Test
  void wideTerminalUsesSegments38And29And17() {
    assertArrayEquals(new int[] {38, 29, 17}, SummaryTable.segmentWidths(88));
    assertArrayEquals(new int[] {33, 24, 15}, SummaryTable.segmentWidths(76));

    String[] lines = SummaryTable.render("sequential", MLP, 79_510, 0, -1, 0, 88).split("\n");
    String heavy = "\u2501";
    String light = "\u2500";
    assertEquals(
        "┏" + heavy.repeat(38) + "┳" + heavy.repeat(29) + "┳" + heavy.repeat(17) + "┓", lines[1]);
    assertEquals(
        "┃ Layer (type)"
            + " ".repeat(25)
            + "┃ Output Shape"
            + " ".repeat(16)
            + "┃"
            + " ".repeat(9)
            + "Param # ┃",
        lines[2]);
    assertEquals(
        "│ dense (Dense)"
            + " ".repeat(24)
            + "│ (None, 100)"
            + " ".repeat(17)
            + "│"
            + " ".repeat(10)
            + "78,500 │",
        lines[6]);
    assertEquals(
        "└" + light.repeat(38) + "┴" + light.repeat(29) + "┴" + light.repeat(17) + "┘", lines[9]);
    for (int i = 1; i <= 9; i++) {
      assertEquals(88, lines[i].length(), lines[i]);
    }
  }

  @Test
  void asciiBoxWhenBoxDrawingCannotBeShown() {
    List<Row> rows = List.of(new Row("dense", "Dense", "(None, 10)", 7_850, true));
    String expected =
        """
        Model: "sequential"
        +--------------------------------------------------------------------------+
        | Layer (type)                    | Output Shape           |       Param # |
        |---------------------------------+------------------------+---------------|
        | dense (Dense)                   | (None, 10)             |         7,850 |
        +--------------------------------------------------------------------------+
         Total params: 7,850 (30.66 KB)
         Trainable params: 7,850 (30.66 KB)
         Non-trainable params: 0 (0.00 B)
        """;

    assertEquals(expected, SummaryTable.render("sequential", rows, 7_850, 0, -1, 0, 76, false));
  }

  @Test
  void modelWithoutLayersStillDrawsTheHeader() {
    String expected =
        """
        Model: "empty"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 0 (0.00 B)
         Trainable params: 0 (0.00 B)
         Non-trainable params: 0 (0.00 B)
        """;

    assertEquals(expected, SummaryTable.render("empty", List.of(), 0, 0, -1, 0, 76));
  }

  @Test
  void humanBytesDividesBy1024() {
    assertEquals("0.00 B", SummaryTable.humanBytes(0));
    assertEquals("1023.00 B", SummaryTable.humanBytes(1023));
    assertEquals("1.00 KB", SummaryTable.humanBytes(1024));
    assertEquals("1.50 KB", SummaryTable.humanBytes(1536));
    assertEquals("310.59 KB", SummaryTable.humanBytes(318_040));
    assertEquals("1.00 MB", SummaryTable.humanBytes(1L << 20));
    assertEquals("1.00 PB", SummaryTable.humanBytes(1L << 50));
    assertEquals("1024.00 PB", SummaryTable.humanBytes(1L << 60));
  }

  @Test
  void badInputIsRejectedWithTheValue() {
    IllegalArgumentException narrow =
        assertThrows(
            IllegalArgumentException.class, () -> SummaryTable.render("m", MLP, 0, 0, -1, 0, 10));
    assertEquals(
        "lineLength 10 is too narrow for the summary: column 2 would be 2 wide, expected at least"
            + " 4",
        narrow.getMessage());
    IllegalArgumentException params =
        assertThrows(IllegalArgumentException.class, () -> new Row("d", "Dense", "?", -1, true));
    assertEquals("params of layer d must be 0 or more, got -1", params.getMessage());
    IllegalArgumentException optimizer =
        assertThrows(
            IllegalArgumentException.class, () -> SummaryTable.render("m", MLP, 0, 0, -2, 0, 76));
    assertEquals("optimizerParams must be -1 or more, got -2", optimizer.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SummaryTable.humanBytes(-1));
  }
}
