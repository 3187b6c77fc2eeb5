package dev.tensile.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensile.layers.BatchNormalization;
import dev.tensile.layers.Conv2D;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.GlobalAveragePooling2D;
import dev.tensile.layers.Input;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.layers.Names;
import dev.tensile.models.Sequential;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code summary()} prints the convolution chapter's model, and a model with batch normalization
 * (whose moving statistics are non-trainable params), exactly as Keras 3 prints them; the
 * expected text is Keras's own, written by {@code src/test/python/conv_reference.py}.
 */
class ConvSummaryTest {

  @BeforeEach
  void freshNames() {
    Names.reset();
  }

  @Test
  void chaptersModel() throws IOException {
    Sequential model = new Sequential(
        new Input(28, 28, 1),
        new Conv2D(32, 3, "relu").padding("same"),
        new MaxPooling2D(2),
        new Conv2D(64, new int[] {3, 3}, "relu").padding("same"),
        new MaxPooling2D(2),
        new Flatten(),
        new Dense(100, "relu"),
        new Dropout(0.4),
        new Dense(10, "softmax"));
    assertEquals(333_526, model.countParams());
    assertEquals(keras("summary_chapter.txt"), model.summaryString());
  }

  @Test
  void batchNormalizationsMovingStatisticsAreNonTrainable() throws IOException {
    Sequential model = new Sequential(
        new Input(8, 8, 3),
        new Conv2D(4, 3),
        new BatchNormalization(),
        new GlobalAveragePooling2D(),
        new Dense(2));
    assertEquals(keras("summary_batch_norm.txt"), model.summaryString());
    assertEquals(130, model.trainableVariables().stream().mapToInt(v -> v.size()).sum());
  }

  private static String keras(String name) throws IOException {
    try (InputStream in = ConvSummaryTest.class.getResourceAsStream("/dev/tensile/conv/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
