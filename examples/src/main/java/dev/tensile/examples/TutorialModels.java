package dev.tensile.examples;

import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.models.Sequential;

/** The tutorial's models, one method each, so the examples and the accuracy tests share them. */
public final class TutorialModels {
  private TutorialModels() {}

  /**
   * Softmax regression: one {@code Dense(10, softmax)} on 784 inputs (flattened images).
   *
   * @return a new model
   */
  public static Sequential softmaxRegression() {
    return new Sequential(new Input(784), new Dense(10, "softmax"));
  }

  /**
   * A hidden layer of 100 sigmoid units on 784 inputs.
   *
   * @return a new model
   */
  public static Sequential sigmoidHidden() {
    return new Sequential(new Input(784), new Dense(100, "sigmoid"), new Dense(10, "softmax"));
  }

  /**
   * {@code Flatten} on 28x28 images, then 100 relu units.
   *
   * @return a new model
   */
  public static Sequential reluHidden() {
    return new Sequential(
        new Input(28, 28), new Flatten(), new Dense(100, "relu"), new Dense(10, "softmax"));
  }
}
