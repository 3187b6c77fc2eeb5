package dev.tensile.internal;

import java.util.function.Supplier;

/**
 * Not API: lets the model run a layer's protected batch methods. A layer's {@code forward} and
 * {@code backward} work on raw buffers and are for implementers, so they are protected; the model
 * calls them through the {@link Ops} that the layer base class installs when it is loaded. The
 * type parameter keeps this package free of any import of the layers.
 */
public final class LayerAccess {
  private static volatile Ops<?> ops;

  private LayerAccess() {}

  /**
   * The operations the model needs on a layer of type {@code L}.
   *
   * @param <L> the layer base class
   */
  public interface Ops<L> {
    /**
     * Runs the layer's forward pass.
     *
     * @param layer the layer
     * @param input {@code batch} input samples
     * @param batch the number of samples
     * @param training true inside {@code fit}
     * @return the layer's output buffer
     */
    float[] forward(L layer, float[] input, int batch, boolean training);

    /**
     * Runs the layer's backward pass for the last forward batch.
     *
     * @param layer the layer
     * @param gradOutput {@code dL/dY}
     * @param batch the number of samples
     * @return {@code dL/dX}, or null if the input gradient is off
     */
    float[] backward(L layer, float[] gradOutput, int batch);

    /**
     * Says whether the layer's backward pass must compute {@code dL/dX}.
     *
     * @param layer the layer
     * @param needed false to skip it
     */
    void computeInputGradient(L layer, boolean needed);

    /**
     * Tells a built layer which layer follows it in the model, so that the two may share work.
     *
     * @param layer the layer
     * @param next the layer after it, or null if it is the last
     */
    void linkNext(L layer, L next);

    /**
     * Makes the layer part of a model, for good.
     *
     * @param layer the layer
     * @param owner gives the model's current name, for messages
     * @throws IllegalArgumentException if the layer already belongs to a model
     */
    void claim(L layer, Supplier<String> owner);

    /**
     * Frees a layer that a model claimed but could not take after all.
     *
     * @param layer the layer
     */
    void release(L layer);
  }

  /**
   * Installs the operations; the layer base class does it once, when it is loaded.
   *
   * @param value the operations
   * @throws IllegalStateException if they are already installed
   */
  public static synchronized void install(Ops<?> value) {
    if (ops != null) {
      throw new IllegalStateException("layer operations are already installed");
    }
    ops = value;
  }

  /**
   * Returns the operations, loading the layer base class first if needed.
   *
   * @param type the layer base class
   * @param <L> its type
   * @return the operations it installed
   */
  @SuppressWarnings("unchecked")
  public static <L> Ops<L> ops(Class<L> type) {
    if (ops == null) {
      try {
        Class.forName(type.getName(), true, type.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cannot load " + type.getName(), e);
      }
    }
    return (Ops<L>) ops;
  }
}
