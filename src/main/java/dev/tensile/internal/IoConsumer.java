package dev.tensile.internal;

import java.io.IOException;

/**
 * A consumer that may fail with an {@link IOException}, such as the code writing a file's bytes.
 *
 * @param <T> what it consumes
 */
@FunctionalInterface
public interface IoConsumer<T> {
  /**
   * Consumes the value.
   *
   * @param value the value
   * @throws IOException if it fails
   */
  void accept(T value) throws IOException;
}
