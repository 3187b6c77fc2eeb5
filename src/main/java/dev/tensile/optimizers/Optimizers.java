package dev.tensile.optimizers;

import java.util.Locale;

/** Keras's optimizer names, resolved to optimizers with Keras's default settings. */
public final class Optimizers {
  private Optimizers() {}

  /**
   * Resolves an optimizer by name, case-insensitively, as {@code keras.optimizers.get} does.
   *
   * @param name {@code sgd}, {@code rmsprop}, {@code adagrad} or {@code adam}
   * @return a new optimizer with default settings
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static Optimizer get(String name) {
    switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "sgd":
        return new SGD();
      case "rmsprop":
        return new RMSprop();
      case "adagrad":
        return new Adagrad();
      case "adam":
        return new Adam();
      default:
        throw new IllegalArgumentException(
            "unknown optimizer '" + name + "': expected one of sgd, rmsprop, adagrad, adam");
    }
  }
}
