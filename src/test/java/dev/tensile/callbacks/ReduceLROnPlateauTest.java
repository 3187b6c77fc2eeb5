package dev.tensile.callbacks;

import static dev.tensile.callbacks.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.SGD;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReduceLROnPlateauTest {
  private static final double LR = 0.1f;
  private final Sequential model = Fixtures.model();

  private float lr() {
    return model.optimizer().learningRate();
  }

  @Test
  void reducesAfterPatienceEpochsWithoutImprovement() {
    ReduceLROnPlateau r = new ReduceLROnPlateau().patience(2).factor(0.5);
    // e0 best; e1 wait 1; e2 wait 2: halve; e3 wait 1; e4 wait 2: halve.
    run(r, model, "val_loss", 1, 1, 1, 1, 1);
    assertEquals(List.of(LR, LR, LR, (double) (float) (LR * 0.5), (double) (float) (LR * 0.5)),
        r.learningRates());
    assertEquals((float) ((double) (float) (LR * 0.5) * 0.5), lr());
    assertEquals(0, r.waitCount());
  }

  @Test
  void improvementsResetTheWait() {
    ReduceLROnPlateau r = new ReduceLROnPlateau().patience(2);
    run(r, model, "val_loss", 1.0, 1.0, 0.5, 0.5, 0.4, 0.4);
    assertEquals((float) LR, lr());
    assertEquals(1, r.waitCount());
    assertEquals(0.4, r.best().getAsDouble());
  }

  @Test
  void defaultMinDeltaIgnoresTinyGains() {
    ReduceLROnPlateau r = new ReduceLROnPlateau().patience(1);
    // 0.99995 + 1e-4 is not below 1.0: no improvement, so the rate drops tenfold.
    run(r, model, "val_loss", 1.0, 0.99995);
    assertEquals((float) (LR * 0.1), lr());
    ReduceLROnPlateau enough = new ReduceLROnPlateau().patience(1);
    Sequential other = Fixtures.model();
    run(enough, other, "val_loss", 1.0, 0.9998);
    assertEquals((float) LR, other.optimizer().learningRate());
  }

  @Test
  void cooldownPausesTheCountAndItsLastEpochCounts() {
    ReduceLROnPlateau r = new ReduceLROnPlateau().patience(1).cooldown(2);
    // e0 best; e1 reduce, cooldown 2; e2 cooldown -> 1, skipped; e3 cooldown -> 0, then
    // counted: wait 1 >= 1, reduce again; e4 cooldown -> 1; e5 cooldown -> 0, reduce.
    run(r, model, "val_loss", 1, 1, 1, 1, 1, 1);
    double once = (float) (LR * 0.1);
    double twice = (float) (once * 0.1);
    assertEquals(List.of(LR, LR, once, once, twice, twice), r.learningRates());
    assertEquals((float) (twice * 0.1), lr());
    assertEquals(2, r.cooldownCounter());
  }

  @Test
  void neverGoesBelowMinLr() {
    ReduceLROnPlateau r = new ReduceLROnPlateau().patience(0).minLr(0.05);
    run(r, model, "val_loss", 1, 1, 1, 1);
    assertEquals(0.05f, lr());
    // Once at minLr (compared in float32) there is nothing more to do: the wait keeps growing.
    assertEquals(2, r.waitCount());
  }

  @Test
  void maxModeForAccuracy() {
    ReduceLROnPlateau r = new ReduceLROnPlateau().monitor("val_accuracy").patience(1);
    run(r, model, "val_accuracy", 0.5, 0.7, 0.9);
    assertEquals((float) LR, lr());
    run(r, model, "val_accuracy", 0.5);
    assertEquals((float) (LR * 0.1), lr(), "the best (0.9) carries over to the next run");
  }

  @Test
  void verboseMessageAsKeras() {
    ReduceLROnPlateau r = new ReduceLROnPlateau().patience(1).factor(0.5).verbose(1);
    try (Captured c = new Captured()) {
      run(r, model, "val_loss", 1, 1);
      assertEquals(
          "\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.05000000074505806.\n",
          c.out());
    }
  }

  @Test
  void missingKeyWarnsAndChangesNothing() {
    ReduceLROnPlateau r = new ReduceLROnPlateau().patience(0);
    try (Captured c = new Captured()) {
      run(r, model, "loss", 1, 1, 1);
      assertTrue(c.err().contains("'val_loss'"), c.err());
      assertEquals("", c.out());
    }
    assertEquals((float) LR, lr());
    assertEquals(List.of(LR, LR, LR), r.learningRates());
  }

  @Test
  void badSettingsAreRefused() {
    ReduceLROnPlateau r = new ReduceLROnPlateau();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.factor(1));
    assertTrue(e.getMessage().contains("got 1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> r.factor(0));
    assertThrows(IllegalArgumentException.class, () -> r.minLr(-1));
    assertThrows(IllegalArgumentException.class, () -> r.cooldown(-1));
    assertThrows(IllegalArgumentException.class, () -> r.patience(-1));
  }

  @Test
  void toStringShowsKerasDefaults() {
    assertEquals(
        "ReduceLROnPlateau(monitor=val_loss, factor=0.1, patience=10, verbose=0, mode=auto, "
            + "minDelta=1.0E-4, cooldown=0, minLr=0.0)",
        new ReduceLROnPlateau().toString());
  }

  @Test
  void lowersTheRateDuringARealFit() {
    Sequential net = Fixtures.blobNet(new SGD(0.1), 4);
    // The loss falls every epoch, so in mode max nothing after epoch 0 improves.
    ReduceLROnPlateau r = new ReduceLROnPlateau().monitor("loss").mode("max").patience(0)
        .factor(0.5);
    net.fit(Fixtures.BLOBS[0], Fixtures.BLOBS[1],
        new FitOptions().epochs(3).verbose(0).seed(1).callbacks(r));
    double half = (float) (LR * 0.5);
    assertEquals(List.of(LR, LR, half), r.learningRates());
    assertEquals((float) (half * 0.5), net.optimizer().learningRate());
  }
}
