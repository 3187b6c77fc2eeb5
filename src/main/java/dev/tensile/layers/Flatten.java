package dev.tensile.layers;

/**
 * Flattens each sample to one axis: {@code (n, 28, 28)} becomes {@code (n, 784)}. Data is already
 * row-major and contiguous, so both passes return their argument unchanged, at no cost. No
 * weights.
 */
public final class Flatten extends Layer {

  /** Makes a Flatten layer. */
  public Flatten() {}

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    int n = 1;
    for (int d : sampleShape) {
      n = Math.multiplyExact(n, d);
    }
    return new int[] {n};
  }

  @Override
  protected float[] forward(float[] input, int batch, boolean training) {
    return input;
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    return gradOutput;
  }
}
