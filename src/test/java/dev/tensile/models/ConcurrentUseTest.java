package dev.tensile.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.Logs;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Input;
import dev.tensile.tensor.Tensor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A model is used by one thread at a time: while {@code fit} runs on one thread (held inside a
 * callback by a latch, so the overlap is certain and no timing is involved), a second {@code
 * fit}, {@code evaluate} or {@code predict} on another thread fails at once, and the first run
 * finishes normally.
 */
class ConcurrentUseTest {
  private static final Tensor X = Tensor.of(new float[] {0, 1, 1, 0, 1, 1, 0, 0}, 4, 2);
  private static final Tensor Y = Tensor.ofLabels(new int[] {0, 1, 1, 0});

  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
  }

  /** Holds the first training batch until the test has tried its second call. */
  private static final class Gate implements Callback {
    final CountDownLatch inside = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void onTrainBatchEnd(int batch, Logs logs) {
      if (inside.getCount() > 0) {
        inside.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private void secondCallFails(Consumer<Sequential> second, String what) throws Exception {
    Sequential model = new Sequential(new Input(2), new Dense(2, "softmax"));
    model.compile("sgd", "sparse_categorical_crossentropy", "accuracy");
    Gate gate = new Gate();
    Future<?> first = pool.submit(() -> model.fit(X, Y,
        new FitOptions().epochs(2).batchSize(2).verbose(Verbosity.SILENT).callbacks(gate)));
    assertTrue(gate.inside.await(60, TimeUnit.SECONDS), "the first fit never started");
    IllegalStateException e;
    try {
      e = assertThrows(IllegalStateException.class, () -> second.accept(model));
    } finally {
      gate.release.countDown();
    }
    assertTrue(e.getMessage().contains("already running fit()"), e.getMessage());
    assertTrue(e.getMessage().contains(what), e.getMessage());
    assertTrue(e.getMessage().contains("one thread at a time"), e.getMessage());
    first.get(60, TimeUnit.SECONDS);
    assertEquals(2, model.history().epoch().size());
    // Once the first call returns, the model is free again.
    model.evaluate(X, Y, new EvaluateOptions().verbose(0));
  }

  @Test
  void secondFitFails() throws Exception {
    secondCallFails(m -> m.fit(X, Y, new FitOptions().verbose(0)), "fit()");
  }

  @Test
  void evaluateDuringFitFails() throws Exception {
    secondCallFails(m -> m.evaluate(X, Y, new EvaluateOptions().verbose(0)), "evaluate()");
  }

  @Test
  void predictDuringFitFails() throws Exception {
    secondCallFails(m -> m.predict(X), "predict()");
  }

  @Test
  void compileOrAddDuringFitFails() throws Exception {
    secondCallFails(m -> m.compile("adam", "sparse_categorical_crossentropy"), "compile()");
    secondCallFails(m -> m.add(new Dense(2)), "add()");
  }

  @Test
  void aCallbackMayPredictButNotFitAgain() {
    Sequential model = new Sequential(new Input(2), new Dense(2, "softmax"));
    model.compile("sgd", "sparse_categorical_crossentropy");
    int[] predicted = new int[1];
    Callback nested = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Logs logs) {
        predicted[0] += model.predict(X).samples();
      }
    };
    model.fit(X, Y, new FitOptions().epochs(2).verbose(0).callbacks(nested));
    assertEquals(8, predicted[0]);

    Callback refit = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Logs logs) {
        model.fit(X, Y, new FitOptions().verbose(0));
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> model.fit(X, Y, new FitOptions().verbose(0).callbacks(refit)));
    assertTrue(e.getMessage().contains("from inside its own fit()"), e.getMessage());
    // The guard is released after the failure.
    model.fit(X, Y, new FitOptions().verbose(0));
  }
}
