package dev.tensile.losses;

import java.util.Locale;

/** Keras's loss names, resolved to loss objects with default settings. */
public final class Losses {
  private Losses() {}

  /**
   * Resolves a loss by Keras name, case-insensitively; Keras's class names work too.
   *
   * @param name {@code sparse_categorical_crossentropy}, {@code categorical_crossentropy} or
   *     {@code binary_crossentropy} (also {@code bce}, or the CamelCase class names)
   * @return a new loss
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static Loss get(String name) {
    switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "sparse_categorical_crossentropy":
      case "sparsecategoricalcrossentropy":
        return new SparseCategoricalCrossentropy();
      case "categorical_crossentropy":
      case "categoricalcrossentropy":
        return new CategoricalCrossentropy();
      case "binary_crossentropy":
      case "binarycrossentropy":
      case "bce":
        return new BinaryCrossentropy();
      default:
        throw new IllegalArgumentException(
            "unknown loss '" + name + "': expected one of sparse_categorical_crossentropy, "
                + "categorical_crossentropy, binary_crossentropy");
    }
  }
}
