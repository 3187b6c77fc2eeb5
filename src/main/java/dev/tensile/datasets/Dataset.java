package dev.tensile.datasets;

import dev.tensile.tensor.Tensor;

/**
 * A dataset's train and test splits, as Keras's {@code load_data()} returns them, and where they
 * came from.
 *
 * <p>For MNIST and Fashion-MNIST the images have shape {@code (n, 28, 28)} with values 0..255 and
 * the labels shape {@code (n,)} with values 0..9.
 *
 * @param xTrain the training images
 * @param yTrain the training labels, one class index per image
 * @param xTest the test images
 * @param yTest the test labels
 * @param source where the files were loaded from, for example {@code
 *     /usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist)}
 */
public record Dataset(Tensor xTrain, Tensor yTrain, Tensor xTest, Tensor yTest, String source) {}
