package dev.tensile.saving;

import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;

/**
 * Makes an object from its Keras description, the one thing a type registers with the {@link
 * Registry}; usually a static {@code fromConfig} method, e.g. {@code Dense::fromConfig}.
 *
 * @param <T> the kind of object
 */
@FunctionalInterface
public interface Factory<T> {
  /**
   * Makes the object.
   *
   * @param config its description
   * @param resolver resolves nested identifiers (activations, initializers, ...)
   * @return a new object
   * @throws dev.tensile.config.ConfigException if the description is invalid
   */
  T create(ObjectConfig config, Resolver resolver);
}
