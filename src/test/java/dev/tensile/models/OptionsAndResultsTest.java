package dev.tensile.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.History;
import dev.tensile.callbacks.Logs;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Input;
import dev.tensile.losses.SparseCategoricalCrossentropy;
import dev.tensile.metrics.SparseCategoricalAccuracy;
import dev.tensile.optimizers.SGD;
import dev.tensile.tensor.Tensor;
import dev.tensile.testing.Synthetic;
import dev.tensile.utils.RandomSeed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metric objects in compile, the option objects' setters, typed verbosity and results. */
class OptionsAndResultsTest {
  private static final Tensor[] BLOBS = Synthetic.blobs(120, 4, 3, 5);

  private static Sequential model() {
    RandomSeed.set(11);
    return new Sequential(new Input(4), new Dense(8, "relu"), new Dense(3, "softmax"));
  }

  @Test
  void aMetricObjectTrainsExactlyAsItsName() {
    Sequential byName = model();
    byName.compile(new SGD(0.1), "sparse_categorical_crossentropy", "accuracy");
    History a = byName.fit(BLOBS[0], BLOBS[1],
        new FitOptions().epochs(3).verbose(0).seed(2).validationSplit(0.25));

    Sequential byObject = model();
    byObject.compile(new SGD(0.1), new SparseCategoricalCrossentropy(),
        new SparseCategoricalAccuracy("accuracy"));
    History b = byObject.fit(BLOBS[0], BLOBS[1],
        new FitOptions().epochs(3).verbose(0).seed(2).validationSplit(0.25));

    assertEquals(a.history(), b.history());
    assertEquals(List.of("accuracy"), byObject.metricNames());
  }

  @Test
  void twoMetricsWithOneNameAreRefused() {
    Sequential m = model();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.compile("sgd", "sparse_categorical_crossentropy",
            new SparseCategoricalAccuracy("acc"), new SparseCategoricalAccuracy("acc")));
    assertTrue(e.getMessage().contains("'acc' is listed twice"), e.getMessage());
  }

  /** Counts epochs, to tell which callbacks ran. */
  private static final class Counter implements Callback {
    int epochs;

    @Override
    public void onEpochEnd(int epoch, Logs logs) {
      epochs++;
    }
  }

  @Test
  void callbacksReplacesAndAddCallbackAppends() {
    Counter first = new Counter();
    Counter second = new Counter();
    Counter third = new Counter();
    FitOptions options = new FitOptions().epochs(2).verbose(0)
        .callbacks(first).callbacks(second).addCallback(third);
    assertEquals(List.of(second, third), options.callbacks());
    Sequential m = model();
    m.compile("sgd", "sparse_categorical_crossentropy");
    m.fit(BLOBS[0], BLOBS[1], options);
    assertEquals(List.of(0, 2, 2), List.of(first.epochs, second.epochs, third.epochs));
    // An empty array clears them.
    FitOptions cleared = new FitOptions().callbacks(first).callbacks(new Callback[0]);
    assertEquals(List.of(), cleared.callbacks());
  }

  @Test
  void verbosityMirrorsKerasNumbers() {
    assertEquals(1, Verbosity.AUTO.level());
    assertEquals(Verbosity.SILENT, Verbosity.of(0));
    assertEquals(Verbosity.PROGRESS_BAR, Verbosity.of(1));
    assertEquals(Verbosity.ONE_LINE_PER_EPOCH, Verbosity.of(2));
    assertEquals(Verbosity.AUTO, new FitOptions().verbosity());
    assertEquals(Verbosity.SILENT, new EvaluateOptions().verbose(0).verbosity());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().verbose(3));
    assertTrue(e.getMessage().contains("0, 1 or 2"), e.getMessage());
  }

  @Test
  void evaluateResultNamesTheNumbersEvaluateReturns() {
    Sequential m = model();
    m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    m.fit(BLOBS[0], BLOBS[1], new FitOptions().epochs(2).verbose(0).seed(1));
    EvaluateOptions quiet = new EvaluateOptions().verbose(Verbosity.SILENT);
    double[] list = m.evaluate(BLOBS[0], BLOBS[1], quiet);
    EvaluationResult named = m.evaluateResult(BLOBS[0], BLOBS[1], quiet);
    assertEquals(list[0], named.loss());
    assertEquals(list[1], named.metric("accuracy"));
    assertArrayEquals(list, named.toArray());
    assertEquals(List.of("loss", "accuracy"), new ArrayList<>(named.asMap().keySet()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> named.metric("precision"));
    assertTrue(e.getMessage().contains("[accuracy]"), e.getMessage());
  }

  @Test
  void progressOutputGoesToTheGivenStreamAndNotToStandardOutput() {
    ByteArrayOutputStream fitText = new ByteArrayOutputStream();
    ByteArrayOutputStream evalText = new ByteArrayOutputStream();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      Sequential m = model();
      m.compile("sgd", "sparse_categorical_crossentropy", "accuracy");
      m.fit(BLOBS[0], BLOBS[1], new FitOptions().epochs(2).verbose(2)
          .output(new PrintStream(fitText, true, StandardCharsets.UTF_8)));
      m.evaluate(BLOBS[0], BLOBS[1], new EvaluateOptions()
          .output(new PrintStream(evalText, true, StandardCharsets.UTF_8)));
    } finally {
      System.setOut(saved);
    }
    String fit = fitText.toString(StandardCharsets.UTF_8);
    assertTrue(fit.startsWith("Epoch 1/2\n4/4 - "), fit);
    assertTrue(fit.contains("Epoch 2/2\n4/4 - "), fit);
    assertTrue(fit.contains("accuracy: ") && fit.contains("loss: "), fit);
    String eval = evalText.toString(StandardCharsets.UTF_8);
    assertTrue(eval.contains("4/4") && eval.contains("accuracy: "), eval);
    assertEquals("", stdout.toString(StandardCharsets.UTF_8));
  }
}
