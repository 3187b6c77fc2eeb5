package dev.tensile.utils;

/**
 * A small, fully specified pseudo-random generator (SplitMix64), so that a seed gives the same
 * numbers on every JVM and every platform, now and in later versions.
 *
 * <p>Not thread-safe: each user (an initializer, a shuffle, a dropout layer) owns its generator.
 */
public final class Rng {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final float FLOAT_UNIT = 0x1.0p-24f;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  /**
   * Makes a generator from a seed.
   *
   * @param seed any value; equal seeds give equal sequences
   */
  public Rng(long seed) {
    this.state = seed;
  }

  /**
   * Returns the generator's whole state: {@code new Rng(state())}, or {@link #setState(long)} on
   * any generator, continues the sequence from this point.
   *
   * @return the state, a 64-bit counter
   */
  public long state() {
    return state;
  }

  /**
   * Moves the generator to a state returned by {@link #state()}, so that it continues that
   * sequence; used to resume training from a saved model.
   *
   * @param value a state from {@link #state()}
   */
  public void setState(long value) {
    state = value;
  }

  /**
   * Returns the next 64 random bits.
   *
   * @return a uniformly distributed long
   */
  public long nextLong() {
    long z = (state += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Returns a uniform float in [0, 1) with 24 random bits.
   *
   * @return the next float
   */
  public float nextFloat() {
    return (nextLong() >>> 40) * FLOAT_UNIT;
  }

  /**
   * Returns a uniform double in [0, 1) with 53 random bits.
   *
   * @return the next double
   */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /**
   * Returns a uniform int in [0, bound), without modulo bias.
   *
   * @param bound the exclusive upper limit; must be positive
   * @return the next int below {@code bound}
   */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long limit = (1L << 32) - ((1L << 32) % bound);
    long r;
    do {
      r = nextLong() >>> 32;
    } while (r >= limit);
    return (int) (r % bound);
  }

  /**
   * Shuffles the array in place (Fisher-Yates).
   *
   * @param values the array to permute; modified
   */
  public void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /**
   * Returns a random permutation of {@code 0 .. n-1}.
   *
   * @param n the number of elements
   * @return a new array holding each of {@code 0 .. n-1} once
   */
  public int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p);
    return p;
  }
}
