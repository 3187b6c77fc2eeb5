package dev.tensile.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example on the bundled subset for one epoch, capturing what it prints. */
class ExamplesSmokeTest {
  @TempDir Path out;

  private interface Main {
    void run(String[] args) throws Exception;
  }

  private String run(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.run(new String[] {"--subset", "--epochs", "1", "--out", out.toString()});
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void fashionMnistTutorial() throws Exception {
    String text = run(FashionMnistTutorial::main);
    assertTrue(text.contains("(1800, 28, 28) (1800,)"), text);
    assertTrue(text.contains("Total params: 79,510 (310.59 KB)"), text);
    assertTrue(text.contains("| model | accuracy | val_accuracy | test_accuracy | s/epoch | tutorial |"),
        text);
    assertTrue(text.contains("| Flatten + 100 relu units, Adam |"), text);
    assertTrue(text.contains("## Results (1 epoch, batch 32; "), text);
    // The tutorial prints the softmax, sigmoid and relu models' summaries, naming them in turn.
    assertEquals(3, text.split("\nModel: \"sequential", -1).length - 1, text);
    assertTrue(text.contains("Total params: 7,850 (30.66 KB)"), text);
    assertTrue(Files.size(out.resolve("fashion-mnist-first-ten.png")) > 1000);
  }

  @Test
  void quickStart() throws Exception {
    String text = run(QuickStart::main);
    assertTrue(text.contains("first test image: predicted "), text);
  }

  @Test
  void compareOptimizers() throws Exception {
    String text = run(CompareOptimizers::main);
    assertTrue(text.contains("| SGD(0.01, momentum=0.9, nesterov) |"), text);
    assertTrue(text.contains("| Adam() |"), text);
  }

  @Test
  void binaryClassification() throws Exception {
    String text = run(BinaryClassification::main);
    assertTrue(text.contains("test loss and accuracy: ["), text);
  }

  @Test
  void oneHotTargets() throws Exception {
    String text = run(OneHotTargets::main);
    assertTrue(text.contains("one-hot targets: (1800, 10)"), text);
    assertTrue(text.contains("test loss and accuracy: ["), text);
  }

  @Test
  void trainingBeyondTheTutorial() throws Exception {
    String text = run(TrainingBeyondTheTutorial::main);
    assertTrue(text.contains(" (Dropout) "), text);
    assertTrue(text.contains("saving model to"), text);
    assertTrue(text.contains("Reloaded the best model"), text);
    assertTrue(text.contains("test loss and accuracy: ["), text);
    assertTrue(Files.size(out.resolve("learning-curves.png")) > 1000);
    assertTrue(Files.readString(out.resolve("history.csv"))
        .startsWith("epoch,accuracy,loss,val_accuracy,val_loss"));
  }

  @Test
  void fashionMnistCnn() throws Exception {
    String text = run(FashionMnistCnn::main);
    assertTrue(text.contains(" (Conv2D) "), text);
    assertTrue(text.contains("│ (None, 28, 28, 32)     │           320 │"), text);
    assertTrue(text.contains("Total params: 333,526 (1.27 MB)"), text);
    assertTrue(text.contains("Reloaded the best model"), text);
    assertTrue(text.contains("test accuracy 0."), text);
    assertTrue(text.contains("/kernel (3, 3, 1, 32)"), text);
    for (String png : new String[] {"cnn-kernels.png", "cnn-feature-maps-1.png",
        "cnn-feature-maps-2.png", "cnn-learning-curves.png"}) {
      assertTrue(Files.size(out.resolve(png)) > 500, png);
    }
  }
}
