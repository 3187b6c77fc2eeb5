/**
 * Data that {@code fit}, {@code evaluate} and {@code predict} read batch by batch, Keras's {@code
 * fit(dataset)}: a {@link dev.tensile.data.DataSource} yields each epoch's batches into one reused
 * {@link dev.tensile.data.Batch}, says how many samples it holds when it can, and shuffles
 * reproducibly from the seed it is given.
 *
 * <p>Sources over in-memory tensors ({@link dev.tensile.data.DataSource#of(dev.tensile.tensor.Tensor,
 * dev.tensile.tensor.Tensor)}, what {@code fit(x, y)} itself uses) and over a user's own iterator
 * of samples ({@link dev.tensile.data.DataSource#fromSamples}) live here; the IDX file source lives
 * in {@code dev.tensile.datasets}. This package depends only on {@code tensor} and {@code utils}.
 */
package dev.tensile.data;
