package dev.tensile.datasets;

import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Fashion-MNIST, Zalando's drop-in replacement for MNIST: 70,000 greyscale 28x28 images of clothing
 * in 10 classes, Tensile's {@code keras.datasets.fashion_mnist}.
 *
 * <pre>{@code
 * Dataset data = FashionMnist.loadData();   // xTrain (60000, 28, 28), yTrain (60000,), ...
 * }</pre>
 *
 * <p>{@link #loadData()} searches the places {@link DatasetLoader} lists, downloading from the
 * mirror Keras uses ({@value #MIRROR}) as a last resort. A subset of the first 1,800 training and
 * 450 test images ships inside the library (MIT licence, copyright Zalando SE) for examples and
 * tests that must run anywhere: {@link #loadBundledSubset()}.
 */
public final class FashionMnist {
  /** The class names, indexed by label, as the dataset's authors list them. */
  public static final List<String> CLASS_NAMES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  /** The base URL Keras downloads Fashion-MNIST from. */
  public static final String MIRROR =
      "https://storage.googleapis.com/tensorflow/tf-keras-datasets/";

  /** Where Debian's package {@code dataset-fashion-mnist} installs the four files. */
  public static final String DEBIAN_DIR = "/usr/share/datasets/fashion-mnist";

  /** The class-path folder of the bundled subset, relative to this class. */
  static final String SUBSET_FOLDER = "fashion-mnist-subset/";

  /** Fashion-MNIST's files with the SHA-256 of their decompressed content. */
  static final DatasetSpec SPEC =
      new DatasetSpec(
          "fashion-mnist",
          "Fashion-MNIST",
          new DataFile(
              DatasetSpec.TRAIN_IMAGES,
              "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
          new DataFile(
              DatasetSpec.TRAIN_LABELS,
              "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
          new DataFile(
              DatasetSpec.TEST_IMAGES,
              "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
          new DataFile(
              DatasetSpec.TEST_LABELS,
              "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
          28,
          28,
          CLASS_NAMES.size(),
          Path.of(DEBIAN_DIR),
          "dataset-fashion-mnist",
          URI.create(MIRROR));

  private FashionMnist() {}

  /**
   * Returns a loader for Fashion-MNIST, to change where progress and notices go.
   *
   * @return a new loader with the default places
   */
  public static DatasetLoader loader() {
    return new DatasetLoader(SPEC);
  }

  /**
   * Loads the full dataset, like Keras's {@code fashion_mnist.load_data()}: from {@value
   * DatasetLoader#DIRECTORY_SETTING}, the cache {@code ~/.tensile/datasets/fashion-mnist}, the
   * Debian package's {@value #DEBIAN_DIR}, or a download, in that order.
   *
   * @return 60,000 training and 10,000 test images (values 0..255) and labels (0..9)
   * @throws DatasetUnavailableException if no place works; the message says what was tried
   */
  public static Dataset loadData() throws DatasetUnavailableException {
    return loader().load();
  }

  /**
   * Loads the full dataset from one directory only.
   *
   * @param dir the directory holding the four files, or holding them in {@code fashion-mnist/}
   * @return 60,000 training and 10,000 test images and labels
   * @throws DatasetUnavailableException if the files are not there
   * @throws IOException if they are there but invalid
   */
  public static Dataset loadData(Path dir) throws IOException {
    return loader().load(dir);
  }

  /**
   * Loads the subset bundled with the library: the first 1,800 training and the first 450 test
   * images and labels of Fashion-MNIST, unchanged.
   *
   * @return the subset; its {@code source()} says it is the bundled subset
   * @throws UncheckedIOException if the bundled files are missing or damaged (a broken build)
   */
  public static Dataset loadBundledSubset() {
    return loadBundledSubset("");
  }

  /**
   * Loads the full dataset if any place has it, else the bundled subset, printing a loud warning on
   * standard error when it falls back.
   *
   * @return the full dataset, or the subset with a {@code source()} saying why
   */
  public static Dataset loadDataOrSubset() {
    return loadDataOrSubset(loader(), System.err::println);
  }

  static Dataset loadDataOrSubset(DatasetLoader loader, Consumer<String> warnings) {
    try {
      return loader.load();
    } catch (DatasetUnavailableException e) {
      Dataset subset = loadBundledSubset(" (full set not found)");
      warnings.accept(
          "WARNING: Fashion-MNIST not found ("
              + e.summary()
              + "); using the bundled subset of "
              + describeSize(subset));
      return subset;
    }
  }

  /**
   * Names the class of each label, for captions.
   *
   * @param labels class indices 0..9, any shape
   * @return one class name per element, in row-major order
   * @throws IllegalArgumentException if a label is not a class index
   */
  public static String[] captions(Tensor labels) {
    int[] values = labels.toIntArray();
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] >= CLASS_NAMES.size()) {
        throw new IllegalArgumentException(
            "label " + values[i] + " at index " + i + " is not a class index 0..9");
      }
      out[i] = CLASS_NAMES.get(values[i]);
    }
    return out;
  }

  private static Dataset loadBundledSubset(String note) {
    List<IdxFile> contents = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try {
      for (DataFile file : SPEC.files()) {
        String name = "bundled " + SUBSET_FOLDER + file.name();
        try (InputStream in = FashionMnist.class.getResourceAsStream(SUBSET_FOLDER + file.name())) {
          if (in == null) {
            throw new IOException(name + " is missing from the class path");
          }
          contents.add(Idx.parse(in.readAllBytes(), name));
        }
        names.add(name);
      }
      Dataset d = SPEC.assemble(contents, names, "bundled subset");
      return new Dataset(
          d.xTrain(),
          d.yTrain(),
          d.xTest(),
          d.yTest(),
          "bundled subset of Fashion-MNIST: " + describeSize(d) + note);
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled Fashion-MNIST subset is damaged", e);
    }
  }

  private static String describeSize(Dataset d) {
    return String.format(
        Locale.ROOT, "%,d training and %,d test images", d.xTrain().samples(), d.xTest().samples());
  }
}
