package dev.tensile.examples;

import dev.tensile.callbacks.History;
import dev.tensile.internal.AtomicFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link History} as learning curves: loss and accuracy per epoch, training against
 * validation, side by side in one PNG, as the tutorial's {@code pd.DataFrame(history.history)
 * .plot()} does. Charts come from JFreeChart, which only the examples depend on.
 */
public final class LearningCurves {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 420;

  private LearningCurves() {}

  /**
   * Writes the curves to a PNG, atomically (a temporary file, then a move). Each epoch is a marked
   * point on its curve, so a single epoch shows too.
   *
   * @param history the history of a {@code fit}, with or without {@code val_} keys
   * @param png the file to write
   * @throws IOException if the file cannot be written
   */
  public static void save(History history, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    chart(history, "loss").draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    chart(history, "accuracy").draw(g, new Rectangle2D.Double(WIDTH, 0, WIDTH, HEIGHT));
    g.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    // Tensile's own atomic write; outside this project, ImageIO.write(image, "png", file) will do.
    AtomicFile.write(
        png,
        out -> {
          if (!ImageIO.write(image, "png", out)) {
            throw new IOException("this Java runtime has no PNG writer");
          }
        });
  }

  static JFreeChart chart(History history, String key) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series(history, key, "training " + key));
    if (history.history().containsKey("val_" + key)) {
      data.addSeries(series(history, "val_" + key, "validation " + key));
    }
    JFreeChart chart = ChartFactory.createXYLineChart(
        key + " per epoch", "epoch", key, data, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    // A line needs two epochs; the markers show every epoch, the only one included.
    ((XYLineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(true);
    return chart;
  }

  private static XYSeries series(History history, String key, String label) {
    XYSeries s = new XYSeries(label);
    List<Double> values = history.get(key);
    List<Integer> epochs = history.epoch();
    for (int i = 0; i < values.size(); i++) {
      s.add(epochs.get(i) + 1, values.get(i));
    }
    return s;
  }
}
