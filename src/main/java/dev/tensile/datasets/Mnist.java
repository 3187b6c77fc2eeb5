package dev.tensile.datasets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * MNIST, the handwritten digits: 70,000 greyscale 28x28 images in 10 classes (the digits 0..9), in
 * the same IDX format as Fashion-MNIST.
 *
 * <p>Keras downloads MNIST as one {@code mnist.npz}; this loader reads the original four IDX files
 * instead and downloads them from a mirror of those ({@value #MIRROR}). No Debian package ships
 * MNIST, and no hashes of its files are built in, so its files are checked for IDX structure and
 * consistency only.
 */
public final class Mnist {
  /** The base URL of the IDX files' mirror. */
  public static final String MIRROR = "https://storage.googleapis.com/cvdf-datasets/mnist/";

  /** MNIST's files; no verified hashes are known, so none are checked. */
  static final DatasetSpec SPEC =
      new DatasetSpec(
          "mnist",
          "MNIST",
          new DataFile(DatasetSpec.TRAIN_IMAGES, null),
          new DataFile(DatasetSpec.TRAIN_LABELS, null),
          new DataFile(DatasetSpec.TEST_IMAGES, null),
          new DataFile(DatasetSpec.TEST_LABELS, null),
          28,
          28,
          10,
          null,
          null,
          URI.create(MIRROR));

  private Mnist() {}

  /**
   * Returns a loader for MNIST, to change where progress and notices go.
   *
   * @return a new loader with the default places
   */
  public static DatasetLoader loader() {
    return new DatasetLoader(SPEC);
  }

  /**
   * Loads MNIST, like Keras's {@code mnist.load_data()}: from {@value
   * DatasetLoader#DIRECTORY_SETTING}, the cache {@code ~/.tensile/datasets/mnist}, or a download,
   * in that order.
   *
   * @return 60,000 training and 10,000 test images (values 0..255) and labels (0..9)
   * @throws DatasetUnavailableException if no place works; the message says what was tried
   */
  public static Dataset loadData() throws DatasetUnavailableException {
    return loader().load();
  }

  /**
   * Loads MNIST from one directory only.
   *
   * @param dir the directory holding the four files, or holding them in {@code mnist/}
   * @return the train and test splits
   * @throws DatasetUnavailableException if the files are not there
   * @throws IOException if they are there but invalid
   */
  public static Dataset loadData(Path dir) throws IOException {
    return loader().load(dir);
  }
}
