package dev.tensile.examples;

import dev.tensile.callbacks.Callback;
import dev.tensile.callbacks.History;
import dev.tensile.callbacks.Logs;
import dev.tensile.datasets.FashionMnist;
import dev.tensile.datasets.IdxSource;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.models.EvaluateOptions;
import dev.tensile.models.FitOptions;
import dev.tensile.models.Sequential;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The tutorial's relu model trained straight from the Fashion-MNIST IDX files, never loading them
 * whole: the first 12,000 training images validate, the other 48,000 train (the tutorial's split
 * sizes), streamed from the gzip files through a seeded shuffle buffer; the test file is streamed
 * through {@code evaluate}. It ends by printing how many bytes an epoch allocates beside what the
 * images take as floats.
 *
 * <p>Run it with {@code mvn -q test-compile exec:java -Dexample=StreamingTutorial} (add {@code
 * -Dexec.args="--epochs 1 --buffer 4096 --data DIR"} to change the defaults: 5 epochs, a buffer of
 * 10,000 samples, the files from {@code TENSILE_DATASETS} or Debian's package).
 */
public final class StreamingTutorial {
  private StreamingTutorial() {}

  /**
   * Runs the example.
   *
   * @param args {@code --epochs N}, {@code --buffer N}, {@code --data DIR}
   * @throws IOException if the files cannot be read
   */
  public static void main(String[] args) throws IOException {
    int epochs = 5;
    int buffer = 10_000;
    String setting = System.getProperty("TENSILE_DATASETS", System.getenv("TENSILE_DATASETS"));
    Path dir = Path.of(setting != null ? setting : FashionMnist.DEBIAN_DIR);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
        case "--buffer" -> buffer = Integer.parseInt(args[i + 1]);
        case "--data" -> dir = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException(
            "unknown option " + args[i] + "; expected --epochs N, --buffer N or --data DIR");
      }
    }
    if (Files.isDirectory(dir.resolve("fashion-mnist"))) {
      dir = dir.resolve("fashion-mnist");
    }
    IdxSource all = IdxSource.open(file(dir, "train-images-idx3-ubyte"),
        file(dir, "train-labels-idx1-ubyte")).divideBy(255).shuffleBuffer(buffer);
    IdxSource validation = all.rows(0, 12_000);
    IdxSource training = all.rows(12_000, 60_000);
    IdxSource test = IdxSource.open(file(dir, "t10k-images-idx3-ubyte"),
        file(dir, "t10k-labels-idx1-ubyte")).divideBy(255);

    Sequential model = new Sequential(
        new Input(28, 28), new Flatten(), new Dense(100, "relu"), new Dense(10, "softmax"));
    model.compile("rmsprop", "sparse_categorical_crossentropy", "accuracy");
    // The first epoch also warms up the JIT: until the Vector API kernels are compiled they
    // allocate their vectors, so the steady state is measured from the second epoch on.
    long[] allocated = new long[2];
    Callback meter = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Logs logs) {
        allocated[epoch == 0 ? 0 : 1] = allocatedBytes();
      }
    };
    History history = model.fit(training,
        new FitOptions().epochs(epochs).seed(42).validationData(validation).callbacks(meter));
    double[] result = model.evaluate(test, new EvaluateOptions());
    System.out.printf(Locale.ROOT,
        "val accuracy %.4f, test accuracy %.4f after %d epochs%n",
        history.last("val_accuracy"), result[1], epochs);
    if (epochs > 1) {
      System.out.printf(Locale.ROOT,
          "epochs 2 to %d allocated %.1f MB an epoch (a %d-sample shuffle buffer is %.1f MB);"
              + " the 60,000 training images alone take %.1f MB as floats%n",
          epochs, (allocated[1] - allocated[0]) / 1e6 / (epochs - 1), buffer,
          buffer * 785 * 4 / 1e6, 60_000 * 784 * 4 / 1e6);
    }
  }

  /** The file as {@code name.gz} or, if that is absent, {@code name}. */
  private static Path file(Path dir, String name) throws IOException {
    for (Path p : Arrays.asList(dir.resolve(name + ".gz"), dir.resolve(name))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IOException("no " + name + "[.gz] in " + dir
        + "; install Debian's dataset-fashion-mnist or pass --data DIR");
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
