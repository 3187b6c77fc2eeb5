package dev.tensile.layers;

import dev.tensile.tensor.Buffers;
import dev.tensile.utils.RandomSeed;
import dev.tensile.utils.Rng;

/**
 * Inverted dropout: during {@code fit}, each element is kept with probability {@code 1 - rate}
 * and scaled by {@code 1 / (1 - rate)}, or set to 0; in evaluate and predict it is the identity,
 * so the expected output is the same in both. The rate must be below 1: a rate of 1 drops every
 * value, so nothing before the layer could learn (Keras 3 accepts it and outputs zeros; Tensile
 * refuses it as the mistake it is). No weights.
 *
 * <p>Masks come from the layer's own generator, seeded by the constructor's seed or drawn from the
 * global seed sequence when the layer is made, so training is reproducible under one seed.
 */
public final class Dropout extends Layer {
  private final float rate;
  private final long seed;
  private final Rng rng;
  private float[] mask;
  private float[] y;
  private float[] dx;

  /**
   * Makes a dropout layer with a seed drawn from the global sequence.
   *
   * @param rate the fraction of elements to drop, in [0, 1)
   * @throws IllegalArgumentException if rate is outside [0, 1)
   */
  public Dropout(double rate) {
    this(rate, RandomSeed.next());
  }

  /**
   * Makes a dropout layer with its own seed.
   *
   * @param rate the fraction of elements to drop, in [0, 1)
   * @param seed the seed of the mask generator
   * @throws IllegalArgumentException if rate is outside [0, 1)
   */
  public Dropout(double rate, long seed) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException(
          "Dropout rate must be in [0, 1), got " + rate
              + (rate == 1 ? ": a rate of 1 drops every value, so nothing before it would learn"
                  : ""));
    }
    this.rate = (float) rate;
    this.seed = seed;
    this.rng = new Rng(seed);
  }

  /**
   * Returns the drop rate.
   *
   * @return the fraction of elements dropped during training
   */
  public float rate() {
    return rate;
  }

  /**
   * Returns the seed of the mask generator.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the mask generator's current state, which advances with every training batch; saved
   * with the model so that resumed training draws the same masks as uninterrupted training.
   *
   * @return the state, as {@link Rng#state()}
   */
  public long generatorState() {
    return rng.state();
  }

  /**
   * Moves the mask generator to a saved state.
   *
   * @param state a value from {@link #generatorState()}
   */
  public void setGeneratorState(long state) {
    rng.setState(state);
  }

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    return sampleShape;
  }

  @Override
  protected float[] forward(float[] x, int batch, boolean training) {
    if (!training || rate == 0f) {
      mask = null;
      return x;
    }
    int n = batch * outputSize();
    mask = Buffers.ensure(mask, n);
    y = Buffers.ensure(y, n);
    float keep = 1f - rate;
    float scale = keep == 0f ? 0f : 1f / keep;
    for (int i = 0; i < n; i++) {
      mask[i] = rng.nextFloat() < keep ? scale : 0f;
      y[i] = x[i] * mask[i];
    }
    return y;
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    if (mask == null) {
      return gradOutput;
    }
    int n = batch * outputSize();
    dx = Buffers.ensure(dx, n);
    for (int i = 0; i < n; i++) {
      dx[i] = gradOutput[i] * mask[i];
    }
    return dx;
  }

  /**
   * Runs the layer with a given mask, for tests that check the gradient with the mask fixed.
   *
   * @param x the input batch
   * @param fixedMask one factor per element: 0 or {@code 1 / (1 - rate)}
   * @param batch the number of samples
   * @return the output, as {@link #forward} returns it
   */
  float[] forwardWithMask(float[] x, float[] fixedMask, int batch) {
    int n = batch * outputSize();
    mask = fixedMask;
    y = Buffers.ensure(y, n);
    for (int i = 0; i < n; i++) {
      y[i] = x[i] * mask[i];
    }
    return y;
  }
}
