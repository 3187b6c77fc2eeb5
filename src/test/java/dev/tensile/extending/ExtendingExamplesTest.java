package dev.tensile.extending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.callbacks.History;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Input;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adam;
import dev.tensile.tensor.Tensor;
import dev.tensile.testing.GradientCheck;
import dev.tensile.utils.RandomSeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/extending.md: each compiles (it is a source file of this package),
 * is the very text the guide shows, and does what the guide says.
 */
class ExtendingExamplesTest {
  private static final Path GUIDE = Path.of("docs/extending.md");
  private static final Path SOURCES = Path.of("src/test/java/dev/tensile/extending");

  /** A small regression problem: y = 2 x0 - x1 + 0.5. */
  private static Tensor[] line(int n) {
    Random random = new Random(3);
    float[] x = new float[n * 2];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = (float) random.nextGaussian();
      x[2 * i + 1] = (float) random.nextGaussian();
      y[i] = 2 * x[2 * i] - x[2 * i + 1] + 0.5f;
    }
    return new Tensor[] {Tensor.of(x, n, 2), Tensor.of(y, n, 1)};
  }

  @Test
  void theGuideShowsEachExampleSourceExactly() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(guide);
    List<String> shown = new ArrayList<>();
    while (block.find()) {
      shown.add(block.group(1));
    }
    List<Path> examples;
    try (Stream<Path> files = Files.list(SOURCES)) {
      examples = files.filter(f -> !f.getFileName().toString().endsWith("Test.java"))
          .sorted().toList();
    }
    assertEquals(5, examples.size(), examples.toString());
    for (Path f : examples) {
      String source = Files.readString(f, StandardCharsets.UTF_8);
      assertTrue(shown.contains(source),
          "docs/extending.md must show " + f.getFileName() + " exactly as the file reads");
    }
  }

  @Test
  void scaleHasCorrectGradientsAndLearns() {
    Scale layer = new Scale();
    layer.build(new int[] {3});
    GradientCheck.checkLayer(layer, 4, 1, GradientCheck.STEP, 1e-2);

    RandomSeed.set(5);
    Tensor[] data = line(256);
    Sequential model = new Sequential(new Input(2), new Scale(), new Dense(1));
    model.compile(new Adam(), new MeanSquaredError());
    History h = model.fit(data[0], data[1], new FitOptions().epochs(1).verbose(0));
    assertEquals(1, h.get("loss").size());
  }

  @Test
  void meanSquaredErrorHasTheGradientOfItsValue() {
    float[] pred = {0.2f, -1.5f, 3f, 0.7f, 0.1f, -0.4f};
    float[] target = {0f, -1f, 2.5f, 1f, 0f, 0f};
    float[] grad = new float[6];
    MeanSquaredError mse = new MeanSquaredError();
    double loss = mse.compute(pred, target, 3, 2, grad);
    assertEquals((0.04 + 0.25 + 0.25 + 0.09 + 0.01 + 0.16) / 6, loss, 1e-6);
    GradientCheck.check("mse", pred, grad, () -> mse.compute(pred, target, 3, 2, null), 1e-2,
        1e-3);
  }

  @Test
  void theCustomPiecesTrainARegressionTogether() {
    RandomSeed.set(9);
    Tensor[] data = line(512);
    Sequential model = new Sequential(new Input(2), new Scale(), new Dense(1));
    StopAtLoss stop = new StopAtLoss(0.05);
    model.compile(new SignSGD(0.01), new MeanSquaredError(), new MeanAbsoluteError());
    History h = model.fit(data[0], data[1],
        new FitOptions().epochs(200).batchSize(32).verbose(0).seed(1).callbacks(stop));
    List<Double> loss = h.get("loss");
    assertTrue(loss.get(loss.size() - 1) <= 0.05, "loss only reached " + loss);
    assertTrue(loss.size() < 200, "StopAtLoss never stopped training");
    assertEquals(loss.size() - 1, stop.stoppedAfter());
    assertTrue(h.get("mae").get(0) > h.last("mae"), "mae did not fall: " + h.get("mae"));
  }

  @Test
  void signSgdStepsByTheLearningRateExactly() {
    RandomSeed.set(2);
    Tensor[] data = line(16);
    Sequential model = new Sequential(new Input(2), new Dense(1));
    model.compile(new SignSGD(0.125), new MeanSquaredError());
    float[] before = model.getWeights().get(0).data().clone();
    model.fit(data[0], data[1], new FitOptions().batchSize(16).verbose(0).shuffle(false));
    float[] after = model.getWeights().get(0).data();
    for (int i = 0; i < before.length; i++) {
      assertEquals(0.125, Math.abs(after[i] - before[i]), 1e-6, "kernel[" + i + "]");
    }
  }

  @Test
  void meanAbsoluteErrorAveragesOverOutputsThenRows() {
    MeanAbsoluteError mae = new MeanAbsoluteError();
    mae.update(new float[] {1, 2, 3, 4}, new float[] {0, 0, 3, 2}, 2, 2);
    assertEquals((1.5 + 1.0) / 2, mae.result(), 1e-9);
    mae.reset();
    assertEquals(0, mae.result());
  }
}
