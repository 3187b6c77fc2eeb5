package dev.tensile.examples;

import dev.tensile.datasets.Dataset;
import dev.tensile.datasets.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command-line options every example shares: {@code --subset} to train on the bundled subset,
 * {@code --epochs N} to override the number of epochs, {@code --out DIR} for pictures and files.
 *
 * @param subset true to use the bundled subset even if the full data set is available
 * @param epochs the number of epochs, or 0 for the example's own default
 * @param out the directory for pictures and files
 */
public record ExampleArgs(boolean subset, int epochs, Path out) {

  /**
   * Parses the arguments.
   *
   * @param args {@code --subset}, {@code --epochs N}, {@code --out DIR}, in any order
   * @return the options
   * @throws IllegalArgumentException for an unknown or incomplete argument
   */
  public static ExampleArgs parse(String[] args) {
    boolean subset = false;
    int epochs = 0;
    Path out = Path.of("target", "examples");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--subset":
          subset = true;
          break;
        case "--epochs":
          epochs = Integer.parseInt(value(args, ++i, "--epochs"));
          break;
        case "--out":
          out = Path.of(value(args, ++i, "--out"));
          break;
        default:
          throw new IllegalArgumentException(
              "unknown argument '" + args[i] + "': expected --subset, --epochs N or --out DIR");
      }
    }
    return new ExampleArgs(subset, epochs, out);
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
