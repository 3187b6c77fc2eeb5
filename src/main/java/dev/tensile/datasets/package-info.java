/**
 * Datasets: reading and writing IDX files, loading MNIST and Fashion-MNIST, splitting data into
 * train and test sets, and drawing images to a PNG.
 *
 * <ul>
 *   <li>{@link dev.tensile.datasets.Idx}: IDX files, raw or gzip, read strictly ({@link
 *       dev.tensile.datasets.IdxFormatException} names the file, the problem and the byte offset)
 *       and written atomically.
 *   <li>{@link dev.tensile.datasets.FashionMnist} and {@link dev.tensile.datasets.Mnist}: {@code
 *       loadData()} finds the files ({@link dev.tensile.datasets.DatasetLoader} lists where),
 *       verifies them and returns a {@link dev.tensile.datasets.Dataset}; a small subset of
 *       Fashion-MNIST ships with the library.
 *   <li>{@link dev.tensile.datasets.TrainTestSplit}: scikit-learn's {@code train_test_split},
 *       seeded, plain or stratified.
 *   <li>{@link dev.tensile.datasets.ImageGrid}: a grid of images with captions, as a PNG.
 * </ul>
 *
 * <p>Uses {@code tensor} and {@code utils} only.
 */
package dev.tensile.datasets;
