package dev.tensile.callbacks;

import static dev.tensile.callbacks.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.SGD;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateSchedulerTest {
  private final Sequential model = Fixtures.model();

  @Test
  void setsTheRateAtEachEpochBeginFromTheEpochAndTheCurrentRate() {
    List<String> calls = new ArrayList<>();
    LearningRateScheduler s = new LearningRateScheduler((epoch, lr) -> {
      calls.add(epoch + ":" + lr);
      return lr * 0.5;
    });
    run(s, model, "loss", 1, 1, 1);
    double lr0 = 0.1f;
    double lr1 = (float) (lr0 * 0.5);
    double lr2 = (float) (lr1 * 0.5);
    assertEquals(List.of("0:" + lr0, "1:" + lr1, "2:" + lr2), calls);
    assertEquals(List.of(lr1, lr2, (double) (float) (lr2 * 0.5)), s.learningRates());
  }

  @Test
  void verboseMessageAsKeras() {
    LearningRateScheduler s = new LearningRateScheduler((epoch, lr) -> lr * 0.5).verbose(1);
    try (Captured c = new Captured()) {
      run(s, model, "loss", 1);
      assertEquals(
          "\nEpoch 1: LearningRateScheduler setting learning rate to 0.05000000074505806.\n",
          c.out());
    }
  }

  @Test
  void refusesANonPositiveRate() {
    LearningRateScheduler s = new LearningRateScheduler((epoch, lr) -> epoch == 1 ? 0 : lr);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> run(s, model, "loss", 1, 1));
    assertTrue(e.getMessage().contains("0.0 for epoch 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LearningRateScheduler(null));
  }

  @Test
  void drivesTheRateDuringARealFit() {
    Sequential net = Fixtures.blobNet(new SGD(0.01), 4);
    LearningRateScheduler s = new LearningRateScheduler((epoch, lr) -> 0.01 * (epoch + 1));
    net.fit(Fixtures.BLOBS[0], Fixtures.BLOBS[1],
        new FitOptions().epochs(3).verbose(0).callbacks(s));
    assertEquals(List.of((double) 0.01f, (double) 0.02f, (double) 0.03f), s.learningRates());
    assertEquals(0.03f, net.optimizer().learningRate());
  }
}
