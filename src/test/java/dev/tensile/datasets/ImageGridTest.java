package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
  /** Two 2x2 images: the first black at (0,0) and grey at (1,1), the second all zero. */
  private static final Tensor IMAGES = Tensor.of(new float[] {255, 0, 0, 51, 0, 0, 0, 0}, 2, 2, 2);

  /** The grid's gap around cells, in pixels. */
  private static final int GAP = 8;

  @TempDir Path dir;

  private static int grey(BufferedImage image, int x, int y) {
    return image.getRaster().getSample(x, y, 0);
  }

  @Test
  void zeroIsWhiteAndTheMaximumBlack() {
    BufferedImage g = ImageGrid.render(IMAGES, 2, 2, null, 3);
    assertEquals(GAP + 2 * (6 + GAP), g.getWidth());
    assertEquals(GAP + 6 + GAP, g.getHeight());
    assertEquals(0, grey(g, GAP, GAP), "255 is black");
    assertEquals(0, grey(g, GAP + 2, GAP + 2), "each pixel becomes a 3x3 block");
    assertEquals(255, grey(g, GAP + 3, GAP), "0 is white");
    assertEquals(204, grey(g, GAP + 5, GAP + 5), "51 is a light grey");
    assertEquals(255, grey(g, 2 * GAP + 6, GAP), "the second image is white");
    assertEquals(170, grey(g, GAP - 1, GAP), "a grey frame marks the image");
  }

  @Test
  void valuesInZeroToOneAreScaled() {
    BufferedImage scaled = ImageGrid.render(IMAGES.div(255f), 2, 2, null, 1);
    BufferedImage bytes = ImageGrid.render(IMAGES, 2, 2, null, 1);
    for (int x = 0; x < bytes.getWidth(); x++) {
      for (int y = 0; y < bytes.getHeight(); y++) {
        assertEquals(grey(bytes, x, y), grey(scaled, x, y), x + "," + y);
      }
    }
  }

  @Test
  void flatImagesAndColumnsWrap() {
    BufferedImage g = ImageGrid.render(IMAGES.reshape(2, 4), 2, 1, null, 1);
    assertEquals(GAP + 2 + GAP, g.getWidth());
    assertEquals(GAP + 2 * (2 + GAP), g.getHeight());
    assertEquals(0, grey(g, GAP, GAP));
  }

  @Test
  void captionsAddALineOfDarkText() {
    BufferedImage plain = ImageGrid.render(IMAGES, 1, 1, null, 10);
    BufferedImage captioned = ImageGrid.render(IMAGES, 1, 1, new String[] {"Ankle boot"}, 10);
    assertTrue(captioned.getHeight() > plain.getHeight() + 8);
    int dark = 0;
    for (int x = 0; x < captioned.getWidth(); x++) {
      for (int y = plain.getHeight() - GAP; y < captioned.getHeight(); y++) {
        dark += grey(captioned, x, y) < 128 ? 1 : 0;
      }
    }
    assertTrue(dark > 20, "the caption's text is drawn: " + dark + " dark pixels");
  }

  @Test
  void savesAReadablePngAtomically() throws IOException {
    Path png = dir.resolve("grid.png");
    String[] captions = FashionMnist.captions(Tensor.ofLabels(new int[] {9, 0}));
    ImageGrid.save(png, IMAGES, 2, 2, captions, 4);
    ImageGrid.save(png, IMAGES, 2, 2, captions, 4);
    BufferedImage back = ImageIO.read(png.toFile());
    BufferedImage expected = ImageGrid.render(IMAGES, 2, 2, captions, 4);
    assertEquals(expected.getWidth(), back.getWidth());
    assertArrayEquals(
        expected
            .getRaster()
            .getPixels(0, 0, expected.getWidth(), expected.getHeight(), (int[]) null),
        back.getRaster().getPixels(0, 0, back.getWidth(), back.getHeight(), (int[]) null));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(png), files.toList(), "no temporary file is left");
    }
  }

  @Test
  void argumentsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(IMAGES, 3, 2, null, 1));
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(IMAGES, 0, 2, null, 1));
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(IMAGES, 2, 0, null, 1));
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(IMAGES, 2, 2, null, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> ImageGrid.render(IMAGES, 2, 2, new String[] {"one"}, 1));
    IllegalArgumentException shape =
        assertThrows(
            IllegalArgumentException.class,
            () -> ImageGrid.render(Tensor.zeros(2, 5), 1, 1, null, 1));
    assertTrue(shape.getMessage().endsWith("got (2, 5)"), shape.getMessage());
  }
}
