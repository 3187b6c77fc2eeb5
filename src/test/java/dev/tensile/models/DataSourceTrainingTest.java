package dev.tensile.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.callbacks.History;
import dev.tensile.data.DataSource;
import dev.tensile.data.Sample;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Input;
import dev.tensile.optimizers.Adam;
import dev.tensile.tensor.Tensor;
import dev.tensile.testing.Synthetic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training, evaluating and predicting from data sources gives what the same tensors give. */
class DataSourceTrainingTest {
  private static final Tensor[] BLOBS = Synthetic.blobs(300, 4, 3, 23);
  private static final Tensor[] VALID = Synthetic.blobs(70, 4, 3, 29);

  private static Sequential model() {
    Sequential m = new Sequential(new Input(4), new Dense(8, "relu"), new Dense(3, "softmax"));
    m.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
    return m;
  }

  /** The samples of x and y as the user's own iterator would yield them, in stored order. */
  private static DataSource iteratorOver(Tensor x, Tensor y) {
    return DataSource.fromSamples(new int[] {x.sampleSize()}, new int[0], () -> samples(x, y));
  }

  private static Iterator<Sample> samples(Tensor x, Tensor y) {
    List<Sample> list = new ArrayList<>();
    for (int i = 0; i < x.samples(); i++) {
      list.add(new Sample(x.rows(i, i + 1).data(), y.rows(i, i + 1).data()));
    }
    return list.iterator();
  }

  private static void assertSameWeights(Sequential a, Sequential b) {
    List<Tensor> wa = a.getWeights();
    List<Tensor> wb = b.getWeights();
    assertEquals(wa.size(), wb.size());
    for (int i = 0; i < wa.size(); i++) {
      assertArrayEquals(wa.get(i).data(), wb.get(i).data(), "weight " + i + " differs");
    }
  }

  private static Sequential twinOf(Sequential m) {
    Sequential twin = model();
    twin.build(4);
    twin.setWeights(m.getWeights());
    return twin;
  }

  @Test
  void iteratorInStoredOrderTrainsExactlyAsTensorsWithoutShuffling() {
    Sequential a = model();
    a.build(4);
    Sequential b = twinOf(a);
    FitOptions options = new FitOptions().epochs(3).batchSize(32).shuffle(false).verbose(0);
    History ha = a.fit(BLOBS[0], BLOBS[1], options.validationData(VALID[0], VALID[1]));
    History hb = b.fit(iteratorOver(BLOBS[0], BLOBS[1]),
        new FitOptions().epochs(3).batchSize(32).shuffle(false).verbose(0)
            .validationData(iteratorOver(VALID[0], VALID[1])));
    assertEquals(ha.history(), hb.history());
    assertSameWeights(a, b);
  }

  @Test
  void tensorSourceShufflesExactlyAsFitOnTensors() {
    Sequential a = model();
    a.build(4);
    Sequential b = twinOf(a);
    History ha = a.fit(BLOBS[0], BLOBS[1], new FitOptions().epochs(2).verbose(0).seed(5));
    History hb = b.fit(DataSource.of(BLOBS[0], BLOBS[1]),
        new FitOptions().epochs(2).verbose(0).seed(5));
    assertEquals(ha.history(), hb.history());
    assertSameWeights(a, b);
  }

  @Test
  void shuffledIteratorDependsOnTheSeedAlone() {
    Sequential a = model();
    a.build(4);
    Sequential b = twinOf(a);
    Sequential c = twinOf(a);
    FitOptions seven = new FitOptions().epochs(2).verbose(0).seed(7);
    a.fit(iteratorOver(BLOBS[0], BLOBS[1]), seven);
    b.fit(iteratorOver(BLOBS[0], BLOBS[1]), seven);
    c.fit(iteratorOver(BLOBS[0], BLOBS[1]), new FitOptions().epochs(2).verbose(0).seed(8));
    assertSameWeights(a, b);
    assertNotEquals(a.getWeights().get(0), c.getWeights().get(0));
    assertTrue(!java.util.Arrays.equals(a.getWeights().get(0).data(), c.getWeights().get(0).data()));
  }

  @Test
  void evaluateAndPredictFromSourcesMatchTensors() {
    Sequential m = model();
    m.fit(BLOBS[0], BLOBS[1], new FitOptions().epochs(2).verbose(0).seed(1));
    EvaluateOptions quiet = new EvaluateOptions().verbose(0).batchSize(16);
    assertArrayEquals(m.evaluate(VALID[0], VALID[1], quiet),
        m.evaluate(iteratorOver(VALID[0], VALID[1]), quiet));
    Tensor expected = m.predict(VALID[0], quiet);
    Tensor fromUnknownLength = m.predict(iteratorOver(VALID[0], VALID[1]), quiet);
    assertArrayEquals(expected.shape(), fromUnknownLength.shape());
    assertArrayEquals(expected.data(), fromUnknownLength.data());
    assertArrayEquals(expected.data(), m.predict(DataSource.of(VALID[0]), quiet).data());
  }

  @Test
  void unknownLengthEndsItsFirstEpochOnTheCountItLearnedAsKerasDoes() {
    Sequential m = model();
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      m.fit(iteratorOver(BLOBS[0], BLOBS[1]), new FitOptions().epochs(2).batchSize(100).seed(1));
    } finally {
      System.setOut(old);
    }
    String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals("Epoch 1/2", lines[0]);
    // Keras's ProgbarLogger sets the target to the batches seen before the final line, so even
    // the first epoch ends on 3/3; only redraws during it (on a terminal) read "3/Unknown".
    assertTrue(lines[1].startsWith("3/3 "), lines[1]);
    assertEquals("Epoch 2/2", lines[2]);
    assertTrue(lines[3].startsWith("3/3 "), lines[3]);
    assertEquals(0, m.history().params().get("steps"));
  }

  @Test
  void badSourcesFailBeforeTrainingWithTheReason() {
    Sequential m = model();
    m.build(4);
    List<Tensor> before = m.getWeights();
    DataSource wrongShape = DataSource.fromSamples(new int[] {5}, new int[0], List.<Sample>of()::iterator);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.fit(wrongShape, new FitOptions().verbose(0)));
    assertTrue(e.getMessage().contains("shape (5,)"), e.getMessage());
    DataSource noTargets = DataSource.of(BLOBS[0]);
    e = assertThrows(IllegalArgumentException.class, () -> m.fit(noTargets, new FitOptions()));
    assertTrue(e.getMessage().contains("no targets"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> m.fit(
        DataSource.of(BLOBS[0], BLOBS[1]), new FitOptions().validationSplit(0.2)));
    assertTrue(e.getMessage().contains("validationData(source)"), e.getMessage());
    assertSameWeights(m, twinOf(m));
    assertArrayEquals(before.get(0).data(), m.getWeights().get(0).data());
  }

  @Test
  void aNonFiniteValueInABatchNamesTheSample() {
    Sequential m = model();
    float[] bad = BLOBS[0].data().clone();
    bad[4 * 40 + 2] = Float.NaN;
    DataSource source = iteratorOver(Tensor.wrap(bad, 300, 4), BLOBS[1]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.fit(source, new FitOptions().shuffle(false).verbose(0)));
    assertTrue(e.getMessage().contains("NaN at sample 8"), e.getMessage());
    float[] badLabels = BLOBS[1].data().clone();
    badLabels[3] = 7;
    DataSource labels = iteratorOver(BLOBS[0], Tensor.wrap(badLabels, 300));
    assertThrows(IllegalArgumentException.class,
        () -> m.fit(labels, new FitOptions().shuffle(false).verbose(0)));
  }
}
