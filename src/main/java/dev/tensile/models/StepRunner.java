package dev.tensile.models;

import dev.tensile.data.Batch;
import dev.tensile.internal.LayerAccess;
import dev.tensile.layers.Layer;
import dev.tensile.layers.LogitsLayer;
import dev.tensile.losses.Loss;
import dev.tensile.metrics.Metric;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.tensor.Buffers;
import dev.tensile.tensor.Shapes;
import java.util.List;

/**
 * One batch through the model: a data source fills the runner's reused {@link Batch}, then the
 * runner runs every layer forward, compute
 * the loss and its gradient, run every layer backward and let the optimizer step. The loss is
 * computed from the logits when the output is a softmax or sigmoid and the loss the matching
 * crossentropy, as Keras's default backend does. Buffers are grown, never shrunk, so in steady
 * state a step allocates nothing. One per model; not thread-safe (the model's guard sees to that).
 */
final class StepRunner {
  private static final LayerAccess.Ops<Layer> LAYERS = LayerAccess.ops(Layer.class);

  private final LayerStack stack;
  private final Batch batch = new Batch();
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

  /** The batch that every loop fills and every step reads; reused for the model's lifetime. */
  Batch batch() {
    return batch;
  }

  /**
   * One gradient step on the filled batch.
   *
   * @return the batch's mean loss, before the update
   */
  double trainStep(int b, Compilation compiled, List<Metric> metrics) {
    List<Layer> layers = stack.layers();
    float[] yBatch = batch.targets();
    float[] pred = forward(batch.inputs(), b, true);
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
   * Runs the filled batch forward without training and updates the metrics.
   *
   * @return the batch's mean loss
   */
  double testStep(int b, Loss loss, List<Metric> metrics) {
    float[] targets = batch.targets();
    float[] pred = forward(batch.inputs(), b, false);
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
   * Runs the filled batch forward without training.
   *
   * @return the outputs, in the last layer's buffer
   */
  float[] predictStep(int b) {
    return forward(batch.inputs(), b, false);
  }

  /** Runs the filled batch through the layers up to {@code last} only, in inference mode. */
  float[] predictStep(int b, int last) {
    return forward(batch.inputs(), b, false, last);
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

  private static void updateMetrics(
      List<Metric> metrics, float[] pred, float[] targets, int rows, int width) {
    for (int m = 0; m < metrics.size(); m++) {
      metrics.get(m).update(pred, targets, rows, width);
    }
  }
}
