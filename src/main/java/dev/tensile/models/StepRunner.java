package dev.tensile.models;

import dev.tensile.internal.LayerAccess;
import dev.tensile.layers.Layer;
import dev.tensile.layers.LogitsLayer;
import dev.tensile.losses.Loss;
import dev.tensile.metrics.Metric;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.tensor.Buffers;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Tensor;
import java.util.List;

/**
 * One batch through the model: gather it into reused buffers, run every layer forward, compute
 * the loss and its gradient, run every layer backward and let the optimizer step. The loss is
 * computed from the logits when the output is a softmax or sigmoid and the loss the matching
 * crossentropy, as Keras's default backend does. Buffers are grown, never shrunk, so in steady
 * state a step allocates nothing. One per model; not thread-safe (the model's guard sees to that).
 */
final class StepRunner {
  private static final LayerAccess.Ops<Layer> LAYERS = LayerAccess.ops(Layer.class);

  private final LayerStack stack;
  private float[] xBatch;
  private float[] yBatch;
  private float[] grad;
  /** The output's last axis, the width the loss and metrics see; set by {@link #prepare}. */
  private int width;
  /** Rows per sample that the loss sees: 1 unless the output has inner axes. */
  private int rowsPerSample;

  StepRunner(LayerStack stack) {
    this.stack = stack;
  }

  /** Reads the output geometry once per run, so the loops never copy the shape. */
  void prepare() {
    int[] s = stack.outputShape();
    width = s[s.length - 1];
    rowsPerSample = (int) (Shapes.size(s) / width);
  }

  /**
   * One gradient step on the gathered batch.
   *
   * @return the batch's mean loss, before the update
   */
  double trainStep(int b, Compilation compiled, List<Metric> metrics) {
    List<Layer> layers = stack.layers();
    float[] pred = forward(xBatch, b, true);
    int rows = b * rowsPerSample;
    grad = Buffers.ensure(grad, rows * width);
    Layer last = stack.last();
    Loss loss = compiled.loss();
    double batchLoss;
    float[] g;
    if (fuses(last, loss)) {
      LogitsLayer out = (LogitsLayer) last;
      batchLoss = loss.computeFromLogits(out.logits(), pred, yBatch, rows, width, grad);
      g = out.backwardFromLogits(grad, b);
    } else {
      batchLoss = loss.compute(pred, yBatch, rows, width, grad);
      g = LAYERS.backward(last, grad, b);
    }
    updateMetrics(metrics, pred, yBatch, rows, width);
    // Stop where no earlier layer has weights: the input gradient is not computed from there on.
    for (int i = layers.size() - 2; i >= 0 && g != null; i--) {
      g = LAYERS.backward(layers.get(i), g, b);
    }
    Optimizer optimizer = compiled.optimizer();
    optimizer.apply(stack.trainableWeights());
    return batchLoss;
  }

  /**
   * Runs consecutive samples forward without training and updates the metrics.
   *
   * @return the batch's mean loss
   */
  double testStep(Tensor x, Tensor y, int from, int b, Loss loss, List<Metric> metrics) {
    float[] targets = sliceTargets(y, from, b);
    float[] pred = forward(slice(x, from, b), b, false);
    int rows = b * rowsPerSample;
    double batchLoss;
    Layer last = stack.last();
    if (fuses(last, loss)) {
      batchLoss =
          loss.computeFromLogits(((LogitsLayer) last).logits(), pred, targets, rows, width, null);
    } else {
      batchLoss = loss.compute(pred, targets, rows, width, null);
    }
    updateMetrics(metrics, pred, targets, rows, width);
    return batchLoss;
  }

  /**
   * Runs consecutive samples forward without training.
   *
   * @return the outputs, in the last layer's buffer
   */
  float[] predictStep(Tensor x, int from, int b) {
    return predictStep(x, from, b, stack.layers().size() - 1);
  }

  /** Runs the layers up to {@code last} only, in inference mode, on consecutive samples. */
  float[] predictStep(Tensor x, int from, int b, int last) {
    return forward(slice(x, from, b), b, false, last);
  }

  private float[] forward(float[] input, int b, boolean training) {
    return forward(input, b, training, stack.layers().size() - 1);
  }

  private float[] forward(float[] input, int b, boolean training, int last) {
    List<Layer> layers = stack.layers();
    float[] a = input;
    for (int i = 0; i <= last; i++) {
      a = LAYERS.forward(layers.get(i), a, b, training);
    }
    return a;
  }

  private static boolean fuses(Layer last, Loss loss) {
    return last instanceof LogitsLayer && loss.fusesWith(((LogitsLayer) last).activation());
  }

  /** Copies the samples {@code order[from .. from+b)} into the batch buffers. */
  void gather(Tensor x, Tensor y, int[] order, int from, int b) {
    int xs = x.sampleSize();
    int ys = y.sampleSize();
    xBatch = Buffers.ensure(xBatch, b * xs);
    yBatch = Buffers.ensure(yBatch, b * ys);
    float[] xd = x.data();
    float[] yd = y.data();
    for (int i = 0; i < b; i++) {
      int r = order[from + i];
      System.arraycopy(xd, r * xs, xBatch, i * xs, xs);
      System.arraycopy(yd, r * ys, yBatch, i * ys, ys);
    }
  }

  private float[] slice(Tensor x, int from, int b) {
    int xs = x.sampleSize();
    xBatch = Buffers.ensure(xBatch, b * xs);
    System.arraycopy(x.data(), from * xs, xBatch, 0, b * xs);
    return xBatch;
  }

  private float[] sliceTargets(Tensor y, int from, int b) {
    int ys = y.sampleSize();
    yBatch = Buffers.ensure(yBatch, b * ys);
    System.arraycopy(y.data(), from * ys, yBatch, 0, b * ys);
    return yBatch;
  }

  private static void updateMetrics(
      List<Metric> metrics, float[] pred, float[] targets, int rows, int width) {
    for (int m = 0; m < metrics.size(); m++) {
      metrics.get(m).update(pred, targets, rows, width);
    }
  }
}
