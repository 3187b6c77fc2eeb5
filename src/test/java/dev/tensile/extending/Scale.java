package dev.tensile.extending;

import dev.tensile.layers.Layer;
import dev.tensile.tensor.Buffers;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Variable;
import java.util.Arrays;
import java.util.List;

/** Multiplies each feature by a learned factor: {@code y[i] = x[i] * w[i]}, w starting at 1. */
public final class Scale extends Layer {
  private Variable factors;
  private float[] input;
  private float[] output;
  private float[] inputGradient;

  @Override
  protected int[] computeBuild(int[] sampleShape) {
    factors = new Variable(name() + "/factors", (int) Shapes.size(sampleShape));
    Arrays.fill(factors.value(), 1f);
    return sampleShape;
  }

  @Override
  public List<Variable> weights() {
    return List.of(factors);
  }

  @Override
  protected float[] forward(float[] x, int batch, boolean training) {
    int n = inputSize();
    float[] w = factors.value();
    output = Buffers.ensure(output, batch * n);
    for (int i = 0; i < batch * n; i++) {
      output[i] = x[i] * w[i % n];
    }
    input = x; // kept for backward: the model does not touch it before then
    return output;
  }

  @Override
  protected float[] backward(float[] gradOutput, int batch) {
    int n = inputSize();
    float[] w = factors.value();
    float[] dw = factors.gradient();
    Arrays.fill(dw, 0f);
    for (int i = 0; i < batch * n; i++) {
      dw[i % n] += input[i] * gradOutput[i];
    }
    if (!computeInputGradient()) {
      return null; // no layer before this one has weights: nobody reads dL/dx
    }
    inputGradient = Buffers.ensure(inputGradient, batch * n);
    for (int i = 0; i < batch * n; i++) {
      inputGradient[i] = gradOutput[i] * w[i % n];
    }
    return inputGradient;
  }
}
