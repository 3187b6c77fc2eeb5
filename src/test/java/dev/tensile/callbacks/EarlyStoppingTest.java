package dev.tensile.callbacks;

import static dev.tensile.callbacks.Fixtures.firstWeight;
import static dev.tensile.callbacks.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.layers.Dense;
import dev.tensile.layers.Input;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adam;
import dev.tensile.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
  private final Sequential model = Fixtures.model();

  @Test
  void patienceZeroStopsAtTheFirstEpochThatDoesNotImprove() {
    EarlyStopping es = new EarlyStopping();
    assertEquals(3, run(es, model, "val_loss", 1.0, 0.9, 0.95, 0.8));
    assertEquals(2, es.stoppedEpoch());
    assertEquals(1, es.bestEpoch());
    assertEquals(0.9, es.best().getAsDouble());
    assertTrue(model.stopTraining());
  }

  @Test
  void patienceCountsEpochsSinceTheLastImprovement() {
    EarlyStopping es = new EarlyStopping().patience(2);
    // e0 best; e1 wait 1; e2 improves, wait 0; e3 wait 1; e4 wait 2 >= 2: stop.
    assertEquals(5, run(es, model, "val_loss", 1.0, 1.1, 0.9, 1.0, 1.0, 1.0, 1.0));
    assertEquals(4, es.stoppedEpoch());
    assertEquals(2, es.waitCount());
    assertEquals(2, es.bestEpoch());
  }

  @Test
  void noStopWhileImproving() {
    EarlyStopping es = new EarlyStopping().patience(1);
    assertEquals(4, run(es, model, "val_loss", 4, 3, 2, 1));
    assertEquals(0, es.stoppedEpoch());
    assertFalse(model.stopTraining());
    assertEquals(3, es.bestEpoch());
  }

  @Test
  void minDeltaIsStrictAndItsSignIgnored() {
    // 0.75 + 0.25 is exactly 1.0, which is not below 1.0: no improvement, stop at epoch 1.
    EarlyStopping es = new EarlyStopping().minDelta(0.25);
    assertEquals(2, run(es, model, "val_loss", 1.0, 0.75, 0.5));
    assertEquals(1, es.stoppedEpoch());
    EarlyStopping negative = new EarlyStopping().minDelta(-0.25);
    assertEquals(2, run(negative, model, "val_loss", 1.0, 0.75, 0.5));
    EarlyStopping enough = new EarlyStopping().minDelta(0.25);
    assertEquals(3, run(enough, model, "val_loss", 1.0, 0.5, 0.2));
    assertEquals(0, enough.stoppedEpoch());
  }

  @Test
  void equalValueIsNoImprovement() {
    EarlyStopping es = new EarlyStopping();
    assertEquals(2, run(es, model, "val_loss", 0.5, 0.5, 0.4));
    assertEquals(0, es.bestEpoch());
  }

  @Test
  void maxModeForAccuracyResolvedAutomatically() {
    EarlyStopping es = new EarlyStopping().monitor("val_accuracy").patience(1);
    // e0 best 0.5; e1 0.6 better; e2 0.6 not better: wait 1 >= 1, stop.
    assertEquals(3, run(es, model, "val_accuracy", 0.5, 0.6, 0.6, 0.7));
    assertEquals(2, es.stoppedEpoch());
    assertEquals(0.6, es.best().getAsDouble());
  }

  @Test
  void explicitModeOverridesTheName() {
    EarlyStopping es = new EarlyStopping().monitor("loss").mode("max");
    assertEquals(2, run(es, model, "loss", 1.0, 0.5));
    assertEquals(1, es.stoppedEpoch());
  }

  @Test
  void baselineResetsTheWaitOnlyWhenBeaten() {
    // Improving but never under 0.5: the wait is never reset; improving epochs do not stop,
    // the first non-improving one with wait >= patience does.
    EarlyStopping es = new EarlyStopping().patience(2).baseline(0.5);
    assertEquals(4, run(es, model, "val_loss", 0.9, 0.8, 0.7, 0.75, 0.6));
    assertEquals(3, es.stoppedEpoch());
    assertEquals(4, es.waitCount());
    // Beating the baseline at e1 resets the wait: e2 wait 1, e3 wait 2, stop.
    EarlyStopping beaten = new EarlyStopping().patience(2).baseline(0.5);
    assertEquals(4, run(beaten, model, "val_loss", 0.9, 0.4, 0.45, 0.46, 0.47));
    assertEquals(3, beaten.stoppedEpoch());
  }

  @Test
  void startFromEpochSkipsTheWarmUp() {
    EarlyStopping es = new EarlyStopping().startFromEpoch(2);
    // Epochs 0 and 1 rise but are not watched; epoch 2 is the first best, epoch 3 stops.
    assertEquals(4, run(es, model, "val_loss", 1.0, 2.0, 3.0, 4.0, 5.0));
    assertEquals(3, es.stoppedEpoch());
    assertEquals(2, es.bestEpoch());
    assertEquals(2, run(new EarlyStopping(), model, "val_loss", 1.0, 2.0, 3.0));
  }

  @Test
  void restoresTheBestWeightsOnStop() {
    EarlyStopping es = new EarlyStopping().patience(1).restoreBestWeights(true);
    run(es, model, "val_loss", 1.0, 0.5, 0.7, 0.8);
    assertEquals(2, es.stoppedEpoch());
    // Fixtures.run sets the weights to e + 1 during epoch e: epoch 1 was the best.
    assertEquals(2f, firstWeight(model));
  }

  @Test
  void restoresTheBestWeightsEvenWithoutAStop() {
    EarlyStopping es = new EarlyStopping().patience(10).restoreBestWeights(true);
    assertEquals(3, run(es, model, "val_loss", 1.0, 0.5, 0.7));
    assertEquals(0, es.stoppedEpoch());
    assertEquals(2f, firstWeight(model));
  }

  @Test
  void withoutRestoreTheLastWeightsStay() {
    run(new EarlyStopping().patience(1), model, "val_loss", 1.0, 0.5, 0.7, 0.8);
    assertEquals(3f, firstWeight(model));
  }

  @Test
  void verboseMessagesAsKeras() {
    EarlyStopping es = new EarlyStopping().patience(1).restoreBestWeights(true).verbose(1);
    try (Captured c = new Captured()) {
      run(es, model, "val_loss", 1.0, 0.5, 0.7, 0.8);
      assertEquals(
          "Epoch 3: early stopping\n"
              + "Restoring model weights from the end of the best epoch: 2.\n",
          c.out());
      assertEquals("", c.err());
    }
    try (Captured c = new Captured()) {
      run(es, model, "val_loss", 1.0, 0.5);
      assertEquals("Restoring model weights from the end of the best epoch: 2.\n", c.out());
    }
  }

  @Test
  void silentByDefault() {
    try (Captured c = new Captured()) {
      run(new EarlyStopping().restoreBestWeights(true), model, "val_loss", 1.0, 2.0);
      assertEquals("", c.out());
      assertEquals("", c.err());
    }
  }

  @Test
  void missingKeyWarnsOnceListingTheKeysAndNeverStops() {
    EarlyStopping es = new EarlyStopping();
    try (Captured c = new Captured()) {
      assertEquals(3, run(es, model, "loss", 3.0, 4.0, 5.0));
      assertEquals("", c.out());
      String err = c.err();
      assertTrue(err.contains("'val_loss'") && err.contains("available: loss"), err);
      assertEquals(1, err.split("\n").length, err);
    }
    assertEquals(0, es.stoppedEpoch());
  }

  @Test
  void unknownKeyInAutoModeFailsAtTheFirstEpochEnd() {
    EarlyStopping es = new EarlyStopping().monitor("val_precision");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> run(es, model, "val_precision", 1.0));
    assertTrue(e.getMessage().contains("'val_precision'"), e.getMessage());
    assertTrue(e.getMessage().contains("mode(\"max\")"), e.getMessage());
    // An accuracy that was not compiled is unknown too, as in Keras.
    Sequential noMetrics = new Sequential(new Input(3), new Dense(2, "softmax"));
    noMetrics.compile("sgd", "sparse_categorical_crossentropy");
    EarlyStopping acc = new EarlyStopping().monitor("val_accuracy");
    assertThrows(
        IllegalStateException.class, () -> run(acc, noMetrics, "val_accuracy", 1.0));
    assertEquals(1, run(acc.mode("max"), noMetrics, "val_accuracy", 1.0));
  }

  @Test
  void reusedInstanceStartsAfresh() {
    EarlyStopping es = new EarlyStopping();
    run(es, model, "val_loss", 0.1, 0.2);
    assertEquals(1, es.stoppedEpoch());
    assertEquals(3, run(es, model, "val_loss", 5.0, 4.0, 3.0));
    assertEquals(0, es.stoppedEpoch());
    assertEquals(3.0, es.best().getAsDouble());
  }

  @Test
  void badSettingsAreRefused() {
    EarlyStopping es = new EarlyStopping();
    assertThrows(IllegalArgumentException.class, () -> es.patience(-1));
    assertThrows(IllegalArgumentException.class, () -> es.startFromEpoch(-2));
    assertThrows(IllegalArgumentException.class, () -> es.baseline(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> es.minDelta(Double.POSITIVE_INFINITY));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> es.mode("minimum"));
    assertTrue(e.getMessage().contains("minimum"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> es.monitor(""));
  }

  @Test
  void toStringShowsEverySetting() {
    assertEquals(
        "EarlyStopping(monitor=val_loss, minDelta=0.0, patience=2, verbose=0, mode=auto, "
            + "baseline=null, restoreBestWeights=true, startFromEpoch=0)",
        new EarlyStopping().patience(2).restoreBestWeights(true).toString());
  }

  @Test
  void stopsARealFitAndRestoresTheBestEpochsWeights() {
    Sequential net = Fixtures.blobNet(new Adam(0.05), 7);
    // The loss falls every epoch, so in mode max only epoch 0 is ever best.
    EarlyStopping es =
        new EarlyStopping().monitor("loss").mode("max").patience(2).restoreBestWeights(true);
    List<List<Tensor>> weightsAtEpochEnd = new ArrayList<>();
    Callback recorder = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Logs logs) {
        weightsAtEpochEnd.add(net.getWeights());
      }
    };
    History h = net.fit(Fixtures.BLOBS[0], Fixtures.BLOBS[1],
        new FitOptions().epochs(20).batchSize(16).verbose(0).seed(1).callbacks(es, recorder));
    assertEquals(List.of(0, 1, 2), h.epoch());
    assertEquals(2, es.stoppedEpoch());
    assertEquals(0, es.bestEpoch());
    assertTrue(h.get("loss").get(2) < h.get("loss").get(0));
    List<Tensor> restored = net.getWeights();
    for (int i = 0; i < restored.size(); i++) {
      assertArrayEquals(
          weightsAtEpochEnd.get(0).get(i).data(), restored.get(i).data());
    }
  }

  @Test
  void stopsARealFitOnceValidationAccuracyPlateaus() {
    Sequential net = Fixtures.blobNet(new Adam(0.05), 8);
    EarlyStopping es = new EarlyStopping().monitor("val_accuracy").patience(2);
    History h = net.fit(Fixtures.BLOBS[0], Fixtures.BLOBS[1],
        new FitOptions().epochs(50).verbose(0).seed(2).validationSplit(0.25).callbacks(es));
    int ran = h.epoch().size();
    assertTrue(ran < 50, "ran all " + ran + " epochs");
    assertEquals(ran - 1, es.stoppedEpoch());
    assertEquals(es.bestEpoch() + 2, es.stoppedEpoch());
    assertEquals(h.get("val_accuracy").get(es.bestEpoch()), es.best().getAsDouble());
  }
}
