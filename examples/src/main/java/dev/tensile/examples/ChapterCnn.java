package dev.tensile.examples;

import dev.tensile.layers.Conv2D;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.models.Sequential;

/**
 * The convolution chapter's model, shared by the example, its accuracy test and the benchmark:
 * two 3x3 {@code same} convolutions of 32 and 64 filters, each followed by 2x2 max pooling, then
 * Dense(100, relu), Dropout(0.4) and Dense(10, softmax); 333,526 params.
 */
public final class ChapterCnn {
  private ChapterCnn() {}

  /**
   * Makes the model for 28x28 one-channel images.
   *
   * @return a new, built, uncompiled model
   */
  public static Sequential model() {
    Sequential model = new Sequential();
    model.add(new Input(28, 28, 1));
    model.add(new Conv2D(32, 3, "relu").padding("same"));
    model.add(new MaxPooling2D(2));
    model.add(new Conv2D(64, new int[] {3, 3}, "relu").padding("same"));
    model.add(new MaxPooling2D(2));
    model.add(new Flatten());
    model.add(new Dense(100, "relu"));
    model.add(new Dropout(0.4));
    model.add(new Dense(10, "softmax"));
    return model;
  }
}
