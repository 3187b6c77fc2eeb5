package dev.tensile.examples;

import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.FashionMnist;
import dev.tensile.datasets.Split;
import dev.tensile.datasets.TrainTestSplit;
import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command-line options every example shares: {@code --subset} to train on the bundled subset,
 * {@code --epochs N} to override the number of epochs, {@code --out DIR} for pictures and files,
 * {@code --order FILE} for a validation split given as an order of the training samples, {@code
 * --seed N} for another seed than the example's (where it takes one).
 *
 * @param subset true to use the bundled subset even if the full data set is available
 * @param epochs the number of epochs, or 0 for the example's own default
 * @param out the directory for pictures and files
 * @param order a file with one sample index per line (the first 20% are held out), or null for
 *     the example's seeded split
 * @param seed the seed of the weights, the shuffles and the split, or null for the example's own
 */
public record ExampleArgs(boolean subset, int epochs, Path out, Path order, Long seed) {

  /**
   * Parses the arguments.
   *
   * @param args {@code --subset}, {@code --epochs N}, {@code --out DIR}, {@code --order FILE},
   *     {@code --seed N}, in any order
   * @return the options
   * @throws IllegalArgumentException for an unknown, incomplete or malformed argument
   */
  public static ExampleArgs parse(String[] args) {
    boolean subset = false;
    int epochs = 0;
    Path out = Path.of("target", "examples");
    Path order = null;
    Long seed = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--subset":
          subset = true;
          break;
        case "--epochs":
          long n = number(args, ++i, "--epochs");
          if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--epochs needs a positive number, got " + n);
          }
          epochs = (int) n;
          break;
        case "--out":
          out = Path.of(value(args, ++i, "--out"));
          break;
        case "--order":
          order = Path.of(value(args, ++i, "--order"));
          break;
        case "--seed":
          seed = number(args, ++i, "--seed");
          break;
        default:
          throw new IllegalArgumentException("unknown argument '" + args[i]
              + "': expected --subset, --epochs N, --out DIR, --order FILE or --seed N");
      }
    }
    return new ExampleArgs(subset, epochs, out, order, seed);
  }

  private static long number(String[] args, int i, String name) {
    String text = value(args, i, name);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, got '" + text + "'", e);
    }
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  /**
   * Returns the number of epochs to train.
   *
   * @param defaultEpochs the example's own choice
   * @return {@code --epochs} if given, else {@code defaultEpochs}
   */
  public int epochsOr(int defaultEpochs) {
    return epochs > 0 ? epochs : defaultEpochs;
  }

  /**
   * Returns the seed to use.
   *
   * @param defaultSeed the example's own choice
   * @return {@code --seed} if given, else {@code defaultSeed}
   */
  public long seedOr(long defaultSeed) {
    return seed != null ? seed : defaultSeed;
  }

  /**
   * Loads Fashion-MNIST: the full set when it can be had (unless {@code --subset}), otherwise the
   * bundled subset, saying loudly which.
   *
   * @return the data
   */
  public Dataset loadFashionMnist() {
    if (subset) {
      Dataset data = FashionMnist.loadBundledSubset();
      System.out.println("Data: " + data.source());
      return data;
    }
    // The loader says where it found the data, or warns that it fell back to the subset.
    return FashionMnist.loadDataOrSubset();
  }

  /**
   * Holds out a fifth of the samples for validation: the first fifth of {@code --order}'s order
   * when it is given, otherwise a seeded random fifth ({@link TrainTestSplit}).
   *
   * @param x the samples
   * @param y their labels
   * @param seed the seed of the random split
   * @return the split
   * @throws IOException if the order file cannot be read
   * @throws IllegalArgumentException if it is not an order of the samples
   */
  public Split validationSplit(Tensor x, Tensor y, long seed) throws IOException {
    if (order == null) {
      return TrainTestSplit.split(x, y, 0.2, seed);
    }
    int n = x.samples();
    Split split = SampleOrder.split(x, y, SampleOrder.read(order, n), n / 5);
    System.out.println("Validation: the first " + n / 5 + " samples of the order in " + order);
    return split;
  }

  /**
   * Returns a file in the output directory, creating the directory.
   *
   * @param name the file name
   * @return the path
   * @throws IOException if the directory cannot be made
   */
  public Path outputFile(String name) throws IOException {
    Files.createDirectories(out);
    return out.resolve(name);
  }
}
