package dev.tensile.layers;

import dev.tensile.activations.ActivationFunction;

/**
 * A layer whose output is {@code f(z)} for an activation {@code f}, and which can start its
 * backward pass from {@code dL/dz}. Models use it to fuse a final softmax or sigmoid with its
 * crossentropy, computing the loss from the logits {@code z} as Keras's default backend does: no
 * probability clipping and the exact gradient {@code p - y}.
 */
public interface LogitsLayer {

  /**
   * Returns the activation applied to the logits.
   *
   * @return the activation
   */
  ActivationFunction activation();

  /**
   * Returns the logits {@code z} of the last forward pass.
   *
   * @return a buffer owned by the layer
   */
  float[] logits();

  /**
   * Runs the backward pass from {@code dL/dz} instead of {@code dL/dY}.
   *
   * @param gradLogits {@code dL/dz} for the last forward batch; may be modified
   * @param batch the number of samples
   * @return {@code dL/dX}, as {@link Layer#backward} returns it
   */
  float[] backwardFromLogits(float[] gradLogits, int batch);
}
