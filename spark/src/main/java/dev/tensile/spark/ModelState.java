package dev.tensile.spark;

import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.tensor.Tensor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a replica needs to continue training where the driver's model stands: every weight, the
 * optimizer's state arrays ({@link Optimizer#slotValues()}) and its step count, as plain arrays
 * that Java serialisation ships to the executors.
 */
final class ModelState implements Serializable {
  private static final long serialVersionUID = 1L;

  final float[][] weights;
  final int[][] shapes;
  final float[][] slots;
  final long iterations;

  ModelState(float[][] weights, int[][] shapes, float[][] slots, long iterations) {
    this.weights = weights;
    this.shapes = shapes;
    this.slots = slots;
    this.iterations = iterations;
  }

  /** Copies the model's weights and its (built) optimizer's state. */
  static ModelState of(Sequential model) {
    List<Tensor> w = model.getWeights();
    float[][] weights = new float[w.size()][];
    int[][] shapes = new int[w.size()][];
    for (int i = 0; i < w.size(); i++) {
      weights[i] = w.get(i).data();
      shapes[i] = w.get(i).shape();
    }
    Optimizer optimizer = model.optimizer();
    optimizer.build(model.variables());
    List<float[]> s = optimizer.slotValues();
    float[][] slots = new float[s.size()][];
    for (int i = 0; i < s.size(); i++) {
      slots[i] = s.get(i).clone();
    }
    return new ModelState(weights, shapes, slots, optimizer.iterations());
  }

  /** Puts this state into a model of the same architecture and optimizer. */
  void applyTo(Sequential model) {
    List<Tensor> w = new ArrayList<>(weights.length);
    for (int i = 0; i < weights.length; i++) {
      w.add(Tensor.wrap(weights[i].clone(), shapes[i]));
    }
    model.setWeights(w);
    model.optimizer().restore(model.variables(), iterations, List.of(slots));
  }

  /** Bytes this state moves each way per replica and round: weights plus optimizer state. */
  long bytes() {
    long n = 8;
    for (float[] a : weights) {
      n += 4L * a.length;
    }
    for (float[] a : slots) {
      n += 4L * a.length;
    }
    return n;
  }
}
