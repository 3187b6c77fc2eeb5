/**
 * The float32 n-dimensional array that users pass to and receive from models.
 *
 * <p>A {@link dev.tensile.tensor.Tensor} is a contiguous row-major {@code float[]} with a shape.
 * It is what {@code fit}, {@code evaluate} and {@code predict} take and return; the training loop
 * itself works on reused buffers and never creates tensors per batch.
 *
 * <p>Uses nothing else in Tensile.
 */
package dev.tensile.tensor;
