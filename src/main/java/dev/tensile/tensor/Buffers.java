package dev.tensile.tensor;

/**
 * Grow-only scratch arrays: a buffer is replaced only when a larger one is needed, so a training
 * loop allocates on its first batch and never again (a short last batch reuses the big buffer).
 */
public final class Buffers {
  private Buffers() {}

  /**
   * Returns {@code buffer} if it holds at least {@code size} elements, else a new array of that
   * size.
   *
   * @param buffer the current buffer, or null
   * @param size the number of elements needed
   * @return a buffer of at least {@code size} elements
   */
  public static float[] ensure(float[] buffer, int size) {
    return buffer != null && buffer.length >= size ? buffer : new float[size];
  }
}
