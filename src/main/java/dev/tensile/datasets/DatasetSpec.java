package dev.tensile.datasets;

import dev.tensile.tensor.Shapes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What an MNIST-format dataset is: its four IDX files and their hashes, the size of its images, its
 * number of classes, and where copies of it live.
 *
 * @param name the directory name under the cache and under {@code TENSILE_DATASETS}
 * @param title the name users know, for messages
 * @param trainImages the training images file
 * @param trainLabels the training labels file
 * @param testImages the test images file
 * @param testLabels the test labels file
 * @param rows the height of every image
 * @param columns the width of every image
 * @param classes the number of classes; labels lie in {@code 0 .. classes - 1}
 * @param packagedDir where a Debian package installs the files, or {@code null} if none does
 * @param debianPackage the name of that package, or {@code null}
 * @param mirror the base URL the files are downloaded from (ends with a slash)
 */
record DatasetSpec(
    String name,
    String title,
    DataFile trainImages,
    DataFile trainLabels,
    DataFile testImages,
    DataFile testLabels,
    int rows,
    int columns,
    int classes,
    Path packagedDir,
    String debianPackage,
    URI mirror) {

  /** The standard MNIST file names, which Fashion-MNIST shares. */
  static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";

  /** The training labels file name. */
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";

  /** The test images file name. */
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";

  /** The test labels file name. */
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

  /**
   * Lists the four files.
   *
   * @return train images, train labels, test images, test labels
   */
  List<DataFile> files() {
    return List.of(trainImages, trainLabels, testImages, testLabels);
  }

  /**
   * Lists the four file names for messages.
   *
   * @return for example {@code train-images-idx3-ubyte.gz, ... and t10k-labels-idx1-ubyte.gz}
   */
  String fileNames() {
    return trainImages.name()
        + ", "
        + trainLabels.name()
        + ", "
        + testImages.name()
        + " and "
        + testLabels.name();
  }

  /**
   * Checks that four IDX contents form this dataset and turns them into tensors.
   *
   * @param files the contents of train images, train labels, test images, test labels, in order
   * @param names the names of those files, for messages
   * @param source where they came from
   * @return the dataset
   * @throws IOException if a file has the wrong type or shape, a label is out of range, or images
   *     and labels disagree in number
   */
  Dataset assemble(List<IdxFile> files, List<String> names, String source) throws IOException {
    checkPair(files.get(0), names.get(0), files.get(1), names.get(1));
    checkPair(files.get(2), names.get(2), files.get(3), names.get(3));
    return new Dataset(
        files.get(0).toTensor(),
        files.get(1).toTensor(),
        files.get(2).toTensor(),
        files.get(3).toTensor(),
        source);
  }

  private void checkPair(IdxFile images, String imagesName, IdxFile labels, String labelsName)
      throws IOException {
    int[] shape = images.shape();
    if (images.type() != IdxType.UNSIGNED_BYTE
        || shape.length != 3
        || shape[1] != rows
        || shape[2] != columns) {
      throw new IOException(
          imagesName
              + ": holds "
              + images
              + ", expected "
              + title
              + " images: UNSIGNED_BYTE of shape (n, "
              + rows
              + ", "
              + columns
              + ")");
    }
    int[] labelShape = labels.shape();
    if (labels.type() != IdxType.UNSIGNED_BYTE || labelShape.length != 1) {
      throw new IOException(
          labelsName + ": holds " + labels + ", expected labels: UNSIGNED_BYTE of shape (n,)");
    }
    if (labelShape[0] != shape[0]) {
      throw new IOException(
          labelsName
              + " holds "
              + labelShape[0]
              + " labels but "
              + imagesName
              + " holds "
              + shape[0]
              + " images "
              + Shapes.format(shape)
              + "; they must match one to one");
    }
    byte[] values = labels.bytes();
    for (int i = 0; i < values.length; i++) {
      int label = values[i] & 0xFF;
      if (label >= classes) {
        throw new IOException(
            labelsName
                + ": label "
                + label
                + " at index "
                + i
                + " is outside 0.."
                + (classes - 1)
                + ", the classes of "
                + title);
      }
    }
  }
}
