package dev.tensile.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.SGD;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackOrderTest {
  /** Records each hook as {@code name[index] keys}. */
  private static final class Recorder implements Callback {
    private final String tag;
    private final List<String> events;

    Recorder(String tag, List<String> events) {
      this.tag = tag;
      this.events = events;
    }

    private void add(String hook, int index, Logs logs) {
      events.add(tag + hook + (index < 0 ? "" : "[" + index + "]") + " " + logs.names());
    }

    @Override
    public void setModel(TrainingModel model) {
      events.add(tag + "setModel");
    }

    @Override
    public void onTrainBegin(Logs logs) {
      add("trainBegin", -1, logs);
    }

    @Override
    public void onTrainEnd(Logs logs) {
      add("trainEnd", -1, logs);
    }

    @Override
    public void onEpochBegin(int epoch, Logs logs) {
      add("epochBegin", epoch, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Logs logs) {
      add("epochEnd", epoch, logs);
    }

    @Override
    public void onTrainBatchBegin(int batch, Logs logs) {
      add("batchBegin", batch, logs);
    }

    @Override
    public void onTrainBatchEnd(int batch, Logs logs) {
      add("batchEnd", batch, logs);
    }

    @Override
    public void onTestBegin(Logs logs) {
      add("testBegin", -1, logs);
    }

    @Override
    public void onTestEnd(Logs logs) {
      add("testEnd", -1, logs);
    }

    @Override
    public void onTestBatchBegin(int batch, Logs logs) {
      add("testBatchBegin", batch, logs);
    }

    @Override
    public void onTestBatchEnd(int batch, Logs logs) {
      add("testBatchEnd", batch, logs);
    }
  }

  private static final String ALL = " [accuracy, loss, val_accuracy, val_loss]";
  private static final String TRAIN = " [accuracy, loss]";

  private static List<String> fit(FitOptions options, Callback... more) {
    List<String> events = new ArrayList<>();
    Sequential model = Fixtures.blobNet(new SGD(0.01), 1);
    List<Callback> callbacks = new ArrayList<>(List.of(more));
    callbacks.add(new Recorder("", events));
    // 200 samples, 10% for validation: 180 training samples in 2 batches, 20 in 1 test batch.
    model.fit(Fixtures.BLOBS[0], Fixtures.BLOBS[1],
        options.batchSize(90).verbose(0).validationSplit(0.1)
        .callbacks(callbacks.toArray(new Callback[0])));
    return events;
  }

  private static List<String> epoch(int e) {
    return List.of(
        "epochBegin[" + e + "] []",
        "batchBegin[0] []", "batchEnd[0]" + TRAIN,
        "batchBegin[1] []", "batchEnd[1]" + TRAIN,
        "testBegin []", "testBatchBegin[0] []", "testBatchEnd[0]" + TRAIN, "testEnd" + TRAIN,
        "epochEnd[" + e + "]" + ALL);
  }

  @Test
  void twoEpochsWithValidationCallTheHooksInKerasOrder() {
    List<String> expected = new ArrayList<>(List.of("setModel", "trainBegin []"));
    expected.addAll(epoch(0));
    expected.addAll(epoch(1));
    expected.add("trainEnd" + ALL);
    assertEquals(expected, fit(new FitOptions().epochs(2)));
  }

  @Test
  void aStopDuringABatchStillValidatesEndsTheEpochAndEndsTraining() {
    Callback stopper = new Callback() {
      private TrainingModel model;

      @Override
      public void setModel(TrainingModel m) {
        model = m;
      }

      @Override
      public void onTrainBatchEnd(int batch, Logs logs) {
        model.setStopTraining(true);
      }
    };
    List<String> expected = new ArrayList<>(List.of("setModel", "trainBegin []",
        "epochBegin[0] []", "batchBegin[0] []", "batchEnd[0]" + TRAIN,
        "testBegin []", "testBatchBegin[0] []", "testBatchEnd[0]" + TRAIN, "testEnd" + TRAIN,
        "epochEnd[0]" + ALL, "trainEnd" + ALL));
    assertEquals(expected, fit(new FitOptions().epochs(3), stopper));
  }

  @Test
  void callbacksRunInTheOrderGiven() {
    List<String> events = new ArrayList<>();
    Sequential model = Fixtures.blobNet(new SGD(0.01), 1);
    model.fit(Fixtures.BLOBS[0], Fixtures.BLOBS[1], new FitOptions().epochs(1).verbose(0)
        .callbacks(new Recorder("a:", events), new Recorder("b:", events)));
    List<String> ends = events.stream().filter(s -> s.contains("epochEnd")).toList();
    assertEquals(List.of("a:epochEnd[0]" + TRAIN, "b:epochEnd[0]" + TRAIN), ends);
    assertEquals("a:setModel", events.get(0));
    assertEquals("b:setModel", events.get(1));
  }
}
