package dev.tensile.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.SGD;
import dev.tensile.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TerminateOnNaNTest {
  private final Sequential model = Fixtures.model();

  @Test
  void stopsOnANonFiniteBatchLoss() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      TerminateOnNaN t = new TerminateOnNaN();
      t.setModel(model);
      model.setStopTraining(false);
      try (Captured c = new Captured()) {
        t.onTrainBatchEnd(2, Fixtures.logs("loss", 0.5, "accuracy", 0.5));
        assertFalse(model.stopTraining());
        t.onTrainBatchEnd(3, Fixtures.logs("loss", bad, "accuracy", 0.5));
        assertTrue(model.stopTraining());
        assertEquals("Batch 3: Invalid loss, terminating training\n", c.out());
      }
    }
  }

  @Test
  void raiseErrorThrowsInstead() {
    TerminateOnNaN t = new TerminateOnNaN().raiseError(true);
    t.setModel(model);
    model.setStopTraining(false);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> t.onTrainBatchEnd(4, Fixtures.logs("loss", Double.NaN)));
    assertTrue(e.getMessage().contains("batch 4"), e.getMessage());
    assertFalse(model.stopTraining());
  }

  @Test
  void insideFitItStopsTrainingGracefullyOnANonFiniteLoss() {
    // A huge step sends the weights to infinity after the first batch, so the second batch's
    // loss is not finite: the callback sees it and stops training instead of fit throwing.
    Sequential diverging = divergingModel();
    List<Integer> batchesSeen = new ArrayList<>();
    Callback recorder = recorder(batchesSeen);
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      diverging.fit(X, Y, new FitOptions().verbose(0).batchSize(5).shuffle(false).epochs(3)
          .callbacks(new TerminateOnNaN(), recorder));
    } finally {
      System.setOut(original);
    }
    assertEquals(List.of(0, 1), batchesSeen);
    assertTrue(diverging.stopTraining());
    assertTrue(printed.toString(StandardCharsets.UTF_8)
        .contains("Batch 1: Invalid loss, terminating training"), printed.toString());
  }

  @Test
  void withoutItFitThrowsNamingTheEpochAndBatch() {
    Sequential diverging = divergingModel();
    List<Integer> batchesSeen = new ArrayList<>();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> diverging.fit(X, Y, new FitOptions().verbose(0).batchSize(5).shuffle(false)
            .callbacks(recorder(batchesSeen))));
    assertTrue(e.getMessage().contains("epoch 1, batch 2 of 2"), e.getMessage());
    assertEquals(List.of(0, 1), batchesSeen);
  }

  private static final Tensor X;
  private static final Tensor Y;

  static {
    Random random = new Random(1);
    float[] x = new float[30];
    int[] labels = new int[10];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextGaussian() * 1e5);
      labels[i / 3] = i % 2;
    }
    X = Tensor.wrap(x, 10, 3);
    Y = Tensor.ofLabels(labels);
  }

  private static Sequential divergingModel() {
    Sequential model = Fixtures.model();
    model.compile(new SGD(1e36), "sparse_categorical_crossentropy", "accuracy");
    return model;
  }

  private static Callback recorder(List<Integer> batchesSeen) {
    return new Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Logs logs) {
        batchesSeen.add(batch);
      }
    };
  }
}
