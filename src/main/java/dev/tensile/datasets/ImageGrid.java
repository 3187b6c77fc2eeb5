package dev.tensile.datasets;

import dev.tensile.internal.AtomicFile;
import dev.tensile.tensor.Tensor;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the first images of a batch in a grid, each optionally captioned, as matplotlib's {@code
 * plt.imshow(image, cmap=plt.cm.binary)} with {@code plt.xlabel(class_names[label])} does.
 *
 * <p>Greys are reversed, as in the {@code binary} colour map: 0 is white and the maximum is black.
 * Pixel values may be 0..255 or 0..1; if no drawn pixel exceeds 1, they are taken as 0..1. Values
 * outside the range are clamped. Each image gets a thin grey frame, since its background is white.
 */
public final class ImageGrid {
  private static final int GAP = 8;
  private static final int FRAME_GREY = 170;
  private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private ImageGrid() {}

  /**
   * Writes a grid of the first {@code count} images to a PNG file, atomically (a temporary file in
   * the same directory is renamed over {@code png}).
   *
   * @param png the file to create or replace
   * @param images shape {@code (n, h, w)}, {@code (n, h, w, 1)} or {@code (n, h*w)} with a square
   *     image size; values 0..255 or 0..1; not modified
   * @param count how many images to draw, from the first; {@code 1 .. n}
   * @param columns images per row; at least 1
   * @param captions a caption for each drawn image ({@code captions[i]} under image {@code i}), or
   *     {@code null} for none; see {@link FashionMnist#captions(Tensor)}
   * @param scale how many pixels of the PNG each image pixel becomes; 1 to 32
   * @throws IllegalArgumentException if an argument is out of range or the shape is not images
   * @throws IOException if the file cannot be written
   */
  public static void save(
      Path png, Tensor images, int count, int columns, String[] captions, int scale)
      throws IOException {
    BufferedImage grid = render(images, count, columns, captions, scale);
    AtomicFile.write(
        png,
        out -> {
          if (!ImageIO.write(grid, "png", out)) {
            throw new IOException("this Java runtime has no PNG writer");
          }
        });
  }

  /**
   * Draws the grid in memory, as {@link #save} writes it.
   *
   * @param images shape {@code (n, h, w)}, {@code (n, h, w, 1)} or {@code (n, h*w)} with a square
   *     image size; not modified
   * @param count how many images to draw, from the first; {@code 1 .. n}
   * @param columns images per row; at least 1
   * @param captions a caption per drawn image, or {@code null}
   * @param scale PNG pixels per image pixel; 1 to 32
   * @return a greyscale image
   * @throws IllegalArgumentException if an argument is out of range or the shape is not images
   */
  public static BufferedImage render(
      Tensor images, int count, int columns, String[] captions, int scale) {
    int[] hw = imageSize(images);
    int n = images.samples();
    check(count >= 1 && count <= n, "count must be in 1.." + n + ", got " + count);
    check(columns >= 1, "columns must be at least 1, got " + columns);
    check(scale >= 1 && scale <= 32, "scale must be in 1..32, got " + scale);
    check(
        captions == null || captions.length >= count,
        "expected at least "
            + count
            + " captions, got "
            + (captions == null ? 0 : captions.length));
    FontMetrics metrics = metrics();
    int width = hw[1] * scale;
    int height = hw[0] * scale;
    int cellWidth = width;
    if (captions != null) {
      for (int i = 0; i < count; i++) {
        cellWidth = Math.max(cellWidth, metrics.stringWidth(text(captions[i])));
      }
    }
    int captionHeight = captions == null ? 0 : metrics.getHeight() + 2;
    int cols = Math.min(columns, count);
    int rows = (count + cols - 1) / cols;
    int cellHeight = height + captionHeight;
    BufferedImage grid =
        new BufferedImage(
            GAP + cols * (cellWidth + GAP),
            GAP + rows * (cellHeight + GAP),
            BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grid.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
      float unit = maxValue(images, count) <= 1 ? 255f : 1f;
      g.setFont(CAPTION_FONT);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      for (int i = 0; i < count; i++) {
        int x = GAP + (i % cols) * (cellWidth + GAP);
        int y = GAP + (i / cols) * (cellHeight + GAP);
        int left = x + (cellWidth - width) / 2;
        paint(grid.getRaster(), images.data(), i * hw[0] * hw[1], hw, left, y, scale, unit);
        g.setColor(new Color(FRAME_GREY, FRAME_GREY, FRAME_GREY));
        g.drawRect(left - 1, y - 1, width + 1, height + 1);
        if (captions != null) {
          String caption = text(captions[i]);
          g.setColor(Color.BLACK);
          g.drawString(
              caption,
              x + (cellWidth - metrics.stringWidth(caption)) / 2,
              y + height + 2 + metrics.getAscent());
        }
      }
    } finally {
      g.dispose();
    }
    return grid;
  }

  /** Paints one image, 0 as white and {@code unit}-scaled 255 as black. */
  private static void paint(
      WritableRaster raster,
      float[] data,
      int offset,
      int[] hw,
      int left,
      int top,
      int scale,
      float unit) {
    for (int r = 0; r < hw[0]; r++) {
      for (int c = 0; c < hw[1]; c++) {
        float v = data[offset + r * hw[1] + c] * unit;
        int grey = 255 - (v > 0 ? Math.round(Math.min(v, 255f)) : 0);
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            raster.setSample(left + c * scale + dx, top + r * scale + dy, 0, grey);
          }
        }
      }
    }
  }

  /** Returns {height, width} of one image. */
  private static int[] imageSize(Tensor images) {
    int[] s = images.shape();
    if (s.length == 3 || (s.length == 4 && s[3] == 1)) {
      return new int[] {s[1], s[2]};
    }
    if (s.length == 2) {
      int side = (int) Math.round(Math.sqrt(s[1]));
      if (side * side == s[1]) {
        return new int[] {side, side};
      }
    }
    throw new IllegalArgumentException(
        "expected images of shape (n, h, w), (n, h, w, 1) or (n, side*side), got "
            + images.shapeString());
  }

  private static float maxValue(Tensor images, int count) {
    float[] data = images.data();
    int end = count * images.sampleSize();
    float max = 0;
    for (int i = 0; i < end; i++) {
      max = Math.max(max, data[i]);
    }
    return max;
  }

  private static FontMetrics metrics() {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = scratch.createGraphics();
    try {
      return g.getFontMetrics(CAPTION_FONT);
    } finally {
      g.dispose();
    }
  }

  private static String text(String caption) {
    return caption == null ? "" : caption;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
