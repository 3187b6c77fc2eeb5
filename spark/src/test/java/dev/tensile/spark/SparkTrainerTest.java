package dev.tensile.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.callbacks.History;
import dev.tensile.data.Sample;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Input;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adam;
import dev.tensile.tensor.Tensor;
import dev.tensile.utils.RandomSeed;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Parameter averaging on Spark's local mode: exact with one partition, repeatable with more. */
class SparkTrainerTest {
  private static final Tensor[] ALL = Blobs.make(760, 4, 3, 5);
  private static final Tensor[] BLOBS = {ALL[0].rows(0, 640), ALL[1].rows(0, 640)};
  private static final Tensor[] VALID = {ALL[0].rows(640, 760), ALL[1].rows(640, 760)};
  private static SparkSession spark;
  private static JavaSparkContext sc;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[2]").appName("tensile-spark-test")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** A fresh model whose weights come from a fixed seed, whatever ran before it in this JVM. */
  private static Sequential model() {
    RandomSeed.set(42);
    Sequential m = new Sequential(new Input(4), new Dense(16, "relu"), new Dense(3, "softmax"));
    m.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
    return m;
  }

  private static Sequential twinOf(Sequential m) {
    Sequential twin = model();
    twin.setWeights(m.getWeights());
    return twin;
  }

  private static void assertSameWeights(Sequential a, Sequential b) {
    List<Tensor> wa = a.getWeights();
    List<Tensor> wb = b.getWeights();
    for (int i = 0; i < wa.size(); i++) {
      assertArrayEquals(wa.get(i).data(), wb.get(i).data(), "weight " + i + " differs");
    }
  }

  private static SparkFitOptions options(int period) {
    return new SparkFitOptions().epochs(2).batchSize(32).averagingPeriod(period).seed(11)
        .verbose(0);
  }

  @Test
  void onePartitionIsLocalTrainingBitForBit() {
    Sequential local = model();
    Sequential distributed = twinOf(local);
    History expected = local.fit(BLOBS[0], BLOBS[1],
        new FitOptions().epochs(2).batchSize(32).seed(11).verbose(0));
    // 20 batches an epoch in rounds of 6, 6, 6 and 2: a short last round too.
    SparkTrainer trainer = new SparkTrainer(options(6));
    History got = trainer.fit(distributed, SparkTrainer.samples(sc, BLOBS[0], BLOBS[1], 1));
    assertSameWeights(local, distributed);
    assertEquals(local.optimizer().iterations(), distributed.optimizer().iterations());
    assertArrayEquals(local.optimizer().slotValues().get(0),
        distributed.optimizer().slotValues().get(0));
    // The epoch means are summed per round on Spark, per batch locally: equal up to rounding.
    for (String key : List.of("loss", "accuracy")) {
      for (int e = 0; e < 2; e++) {
        assertEquals(expected.get(key).get(e), got.get(key).get(e), 1e-12, key + " epoch " + e);
      }
    }
    assertEquals(8, trainer.lastRun().rounds());
  }

  @Test
  void manyPartitionsRepeatExactlyAndStillLearn() {
    Sequential first = model();
    Sequential second = twinOf(first);
    SparkFitOptions opts = options(4).epochs(4).validationData(VALID[0], VALID[1]);
    History a = new SparkTrainer(opts).fit(first, SparkTrainer.samples(sc, BLOBS[0], BLOBS[1], 3));
    History b = new SparkTrainer(opts)
        .fit(second, SparkTrainer.samples(sc, BLOBS[0], BLOBS[1], 3));
    assertSameWeights(first, second);
    assertEquals(a.history(), b.history());
    assertTrue(a.last("val_accuracy") > 0.9, "val accuracy " + a.last("val_accuracy"));
  }

  @Test
  void dataFrameRowsTrainAsTheSameSamples() {
    StructType schema = new StructType()
        .add("features", DataTypes.createArrayType(DataTypes.FloatType))
        .add("label", DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    float[] x = BLOBS[0].data();
    for (int i = 0; i < BLOBS[0].samples(); i++) {
      Float[] f = new Float[4];
      for (int k = 0; k < 4; k++) {
        f[k] = x[4 * i + k];
      }
      rows.add(RowFactory.create(f, (int) BLOBS[1].data()[i]));
    }
    Dataset<Row> frame = spark.createDataFrame(rows, schema).coalesce(1);
    Sequential fromRows = model();
    Sequential fromSamples = twinOf(fromRows);
    new SparkTrainer(options(5)).fit(fromRows, frame, "features", "label");
    new SparkTrainer(options(5))
        .fit(fromSamples, SparkTrainer.samples(sc, BLOBS[0], BLOBS[1], 1));
    assertSameWeights(fromRows, fromSamples);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkTrainer(options(5)).fit(model(), frame, "label", "features"));
    assertTrue(e.getMessage().contains("expected an array of numbers"), e.getMessage());
  }

  @Test
  void badModelsAndSamplesAreRefusedWithTheReason() {
    Sequential uncompiled =
        new Sequential(new Input(4), new Dense(3, "softmax"));
    JavaRDD<Sample> data = SparkTrainer.samples(sc, BLOBS[0], BLOBS[1], 2);
    assertThrows(IllegalStateException.class,
        () -> new SparkTrainer(options(5)).fit(uncompiled, data));
    JavaRDD<Sample> wrong = sc.parallelize(
        List.of(new Sample(new float[5], new float[] {0})), 1);
    Exception e = assertThrows(Exception.class,
        () -> new SparkTrainer(options(5)).fit(model(), wrong));
    assertTrue(String.valueOf(e.getMessage()).contains("expected 4 inputs"), e.toString());
  }
}
