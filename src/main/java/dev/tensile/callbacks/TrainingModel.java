package dev.tensile.callbacks;

import dev.tensile.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The model under training as a callback sees it, the part of Keras's {@code callback.model} that
 * Keras's own callbacks use: stop training, read and replace the weights, read and set the
 * learning rate, save. {@code dev.tensile.models.Sequential} implements it; {@code fit} passes the
 * model to every callback's {@link Callback#setModel(TrainingModel)} before training starts.
 *
 * <p>The methods are called from inside {@code fit}, on the training thread, between batches or
 * epochs.
 */
public interface TrainingModel {

  /**
   * Returns the model's name.
   *
   * @return for example {@code sequential}
   */
  String name();

  /**
   * Returns the metric names given to {@code compile}, in order; they are also the log keys.
   *
   * @return an unmodifiable list
   */
  List<String> metricNames();

  /**
   * Asks {@code fit} to stop after the current batch, Keras's {@code model.stop_training = True}.
   *
   * @param value true to stop
   */
  void setStopTraining(boolean value);

  /**
   * Tells whether a stop was requested.
   *
   * @return Keras's {@code model.stop_training}
   */
  boolean stopTraining();

  /**
   * Copies the weights out, Keras's {@code model.get_weights()}.
   *
   * @return new tensors, layer by layer, kernel before bias
   */
  List<Tensor> getWeights();

  /**
   * Replaces the weights, Keras's {@code model.set_weights(...)}.
   *
   * @param values one tensor per weight, in {@link #getWeights()}'s order and shapes
   * @throws IllegalArgumentException if the count or a shape differs; nothing changes then
   */
  void setWeights(List<Tensor> values);

  /**
   * Returns the optimizer's learning rate as it holds it (float32), Keras's {@code
   * model.optimizer.learning_rate}.
   *
   * @return the current rate
   * @throws IllegalStateException if the model is not compiled
   */
  float learningRate();

  /**
   * Sets the optimizer's learning rate.
   *
   * @param value finite and positive
   * @throws IllegalStateException if the model is not compiled
   * @throws IllegalArgumentException if the value is not finite and positive
   */
  void setLearningRate(double value);

  /**
   * Saves the whole model, Keras's {@code model.save}; the write is atomic.
   *
   * @param path the file to create or replace
   * @throws IOException if writing fails
   */
  void save(Path path) throws IOException;

  /**
   * Saves the weights alone, Keras's {@code model.save_weights}; the write is atomic.
   *
   * @param path the file to create or replace
   * @throws IOException if writing fails
   */
  void saveWeights(Path path) throws IOException;
}
