package dev.tensile.layers;

/** The check every option setter makes: options are set before the layer is built. */
final class Unbuilt {
  private Unbuilt() {}

  /** Fails if a layer is built. */
  static void check(Layer layer) {
    if (layer.isBuilt()) {
      throw new IllegalStateException(
          "layer '" + layer.name() + "' is already built; set options first");
    }
  }
}
