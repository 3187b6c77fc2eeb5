package dev.tensile.benchmarks;

import dev.tensile.layers.Conv2D;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Tensor;
import java.util.List;

/**
 * One of the tutorial's models with its optimizer and batch size, named as in the results ({@code
 * relu_adam_b32}); every model ends in {@code Dense(10, softmax)} and is compiled with {@code
 * sparse_categorical_crossentropy} and {@code accuracy}.
 *
 * <ul>
 *   <li>{@code softmax}: {@code Input(784), Dense(10, softmax)}
 *   <li>{@code sigmoid}: {@code Input(784), Dense(100, sigmoid), Dense(10, softmax)}
 *   <li>{@code relu}: {@code Input(28, 28), Flatten(), Dense(100, relu), Dense(10, softmax)}
 *   <li>{@code cnn}: the convolution chapter's model, {@code Input(28, 28, 1), Conv2D(32, 3,
 *       relu, same), MaxPooling2D(2), Conv2D(64, 3, relu, same), MaxPooling2D(2), Flatten(),
 *       Dense(100, relu), Dropout(0.4), Dense(10, softmax)} (333,526 params)
 * </ul>
 *
 * @param model {@code softmax}, {@code sigmoid}, {@code relu} or {@code cnn}
 * @param optimizer a Keras optimizer name with its default settings: {@code sgd}, {@code adam},
 *     {@code rmsprop}
 * @param batch the batch size
 */
public record Workload(String model, String optimizer, int batch) {
  /** The tutorial's four models, at batch 32. */
  public static final List<Workload> TUTORIAL =
      List.of(
          new Workload("softmax", "sgd", 32),
          new Workload("sigmoid", "sgd", 32),
          new Workload("relu", "sgd", 32),
          new Workload("relu", "adam", 32));

  /** The relu model with Adam at the larger batches where a second thread can pay. */
  public static final List<Workload> LARGE_BATCHES =
      List.of(new Workload("relu", "adam", 128), new Workload("relu", "adam", 256));

  /** The convolution chapter's model with Adam at batch 32. */
  public static final List<Workload> CNN = List.of(new Workload("cnn", "adam", 32));

  /**
   * Checks the model name and batch size.
   *
   * @throws IllegalArgumentException if the model is unknown or the batch not positive
   */
  public Workload {
    if (!List.of("softmax", "sigmoid", "relu", "cnn").contains(model)) {
      throw new IllegalArgumentException(
          "unknown model '" + model + "': expected softmax, sigmoid, relu or cnn");
    }
    if (batch <= 0) {
      throw new IllegalArgumentException("batch must be positive, got " + batch);
    }
  }

  /**
   * Reads a workload's name, the inverse of {@link #name()}.
   *
   * @param name for example {@code relu_rmsprop_b32}
   * @return the workload
   * @throws IllegalArgumentException if the name is not model_optimizer_bBATCH
   */
  public static Workload parse(String name) {
    String[] parts = name.split("_");
    if (parts.length != 3 || !parts[2].matches("b[0-9]{1,6}")) {
      throw new IllegalArgumentException(
          "workload '" + name + "' is not model_optimizer_bBATCH, e.g. relu_adam_b32");
    }
    return new Workload(parts[0], parts[1], Integer.parseInt(parts[2].substring(1)));
  }

  /**
   * Returns the name used in results, e.g. {@code relu_adam_b32}.
   *
   * @return model, optimizer and batch size joined by underscores
   */
  public String name() {
    return model + "_" + optimizer + "_b" + batch;
  }

  /**
   * Builds and compiles a fresh model with freshly initialised weights.
   *
   * @return the compiled model
   */
  public Sequential build() {
    Sequential m;
    switch (model) {
      case "softmax":
        m = new Sequential(new Input(784), new Dense(10, "softmax"));
        break;
      case "sigmoid":
        m = new Sequential(new Input(784), new Dense(100, "sigmoid"), new Dense(10, "softmax"));
        break;
      case "cnn":
        m = new Sequential(
            new Input(28, 28, 1),
            new Conv2D(32, 3, "relu").padding("same"),
            new MaxPooling2D(2),
            new Conv2D(64, 3, "relu").padding("same"),
            new MaxPooling2D(2),
            new Flatten(),
            new Dense(100, "relu"),
            new Dropout(0.4),
            new Dense(10, "softmax"));
        break;
      default:
        m =
            new Sequential(
                new Input(28, 28), new Flatten(), new Dense(100, "relu"), new Dense(10, "softmax"));
        break;
    }
    return m.compile(optimizer, "sparse_categorical_crossentropy", "accuracy");
  }

  /**
   * Shapes the images as this model takes them.
   *
   * @param images shape {@code (n, 28, 28)}
   * @return the same data, as {@code (n, 784)} for the models that start at 784 inputs and as
   *     {@code (n, 28, 28, 1)} for the CNN
   */
  public Tensor input(Tensor images) {
    if (model.equals("cnn")) {
      return images.reshape(-1, 28, 28, 1);
    }
    return model.equals("relu") ? images : images.reshape(-1, 784);
  }
}
