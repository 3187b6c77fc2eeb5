package dev.tensile.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.callbacks.History;
import dev.tensile.callbacks.Logs;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurvesTest {
  @TempDir Path dir;

  private static History epochs(int count) {
    History h = new History();
    h.onTrainBegin(new Logs(List.of()));
    for (int e = 0; e < count; e++) {
      h.onEpochEnd(e, Logs.of(Map.of("loss", 0.5 / (e + 1), "accuracy", 0.8 + e / 100.0)));
    }
    return h;
  }

  /** Counts the pixels of the first curve's colour, legend left out. */
  private static int curvePixels(History history) {
    System.setProperty("java.awt.headless", "true");
    JFreeChart chart = LearningCurves.chart(history, "loss");
    chart.removeLegend();
    Color curve =
        (Color)
            ((org.jfree.chart.renderer.xy.AbstractXYItemRenderer) chart.getXYPlot().getRenderer())
                .lookupSeriesPaint(0);
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    chart.draw(g, new Rectangle2D.Double(0, 0, 320, 240));
    g.dispose();
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (image.getRGB(x, y) == curve.getRGB()) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void aSingleEpochIsDrawnAsAPoint() {
    assertTrue(curvePixels(epochs(1)) > 4, "the one epoch's marker is visible");
  }

  @Test
  void severalEpochsAreDrawn() {
    assertTrue(curvePixels(epochs(3)) > curvePixels(epochs(1)));
  }

  @Test
  void theFileIsWrittenWithTheUsualPermissions() throws Exception {
    Path png = dir.resolve("curves.png");
    LearningCurves.save(epochs(1), png);
    assertTrue(Files.size(png) > 1000);
    Path ordinary = Files.createFile(dir.resolve("ordinary"));
    if (Files.getFileStore(png).supportsFileAttributeView("posix")) {
      assertTrue(
          Files.getPosixFilePermissions(png).equals(Files.getPosixFilePermissions(ordinary)));
    }
  }
}
