package dev.tensile.config;

/**
 * Turns a nested identifier inside a description into an object: an activation's name, an
 * initializer's description, and so on. A factory that rebuilds a layer from its {@link
 * ObjectConfig} receives one, so that every kind of object is resolved through the same registry.
 */
public interface Resolver {
  /**
   * Resolves an identifier to an object of a kind.
   *
   * @param <T> the kind
   * @param kind the kind, e.g. {@code ActivationFunction.class}
   * @param identifier a Keras string identifier such as {@code "relu"} or {@code
   *     "glorot_uniform"}, or an {@link ObjectConfig}
   * @return a new object (or a shared immutable one, such as an activation)
   * @throws ConfigException if the kind or identifier is unknown or the identifier is null; the
   *     message lists the known identifiers
   */
  <T> T resolve(Class<T> kind, Object identifier);
}
