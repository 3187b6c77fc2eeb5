package dev.tensile.utils;

/**
 * The process-wide seed, Tensile's {@code keras.utils.set_random_seed}.
 *
 * <p>After {@link #set(long)}, every random choice that was not given a seed of its own (weight
 * initialisation, shuffling in {@code fit}, dropout masks, splits) draws its seed from one
 * sequence, so a program that builds and trains its models in the same order gets bitwise
 * identical results run after run. Without a call, seeds come from the clock, as in Keras.
 */
public final class RandomSeed {
  private static Rng global = new Rng(System.nanoTime() ^ 0x5DEECE66DL);

  private RandomSeed() {}

  /**
   * Sets the global seed and restarts the sequence of seeds drawn from it.
   *
   * @param seed the seed
   */
  public static synchronized void set(long seed) {
    global = new Rng(seed);
  }

  /**
   * Draws the next seed for a component that was not given one.
   *
   * @return a seed from the global sequence
   */
  public static synchronized long next() {
    return global.nextLong();
  }
}
