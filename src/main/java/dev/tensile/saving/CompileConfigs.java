package dev.tensile.saving;

import static dev.tensile.saving.LayerConfigs.classAndConfig;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tensile.losses.BinaryCrossentropy;
import dev.tensile.losses.CategoricalCrossentropy;
import dev.tensile.losses.Loss;
import dev.tensile.losses.SparseCategoricalCrossentropy;
import dev.tensile.models.Sequential;
import dev.tensile.optimizers.Adagrad;
import dev.tensile.optimizers.Adam;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.optimizers.RMSprop;
import dev.tensile.optimizers.SGD;

/**
 * The settings given to {@code compile}, to and from JSON: the optimizer with every hyperparameter
 * under its Keras argument name ({@code learning_rate}, {@code beta_1}, {@code clipnorm}, ...;
 * unset clipping is null), the loss with {@code from_logits}, and the metric names.
 */
final class CompileConfigs {
  private CompileConfigs() {}

  /**
   * Describes a compiled model's settings.
   *
   * @param model a compiled model
   * @return {@code {"optimizer": ..., "loss": ..., "metrics": [...]}}
   * @throws IllegalArgumentException if the optimizer or loss is not one the format knows
   */
  static JsonObject toJson(Sequential model) {
    JsonObject json = new JsonObject();
    json.add("optimizer", optimizer(model.optimizer()));
    json.add("loss", loss(model.loss()));
    JsonArray metrics = new JsonArray();
    model.metricNames().forEach(metrics::add);
    json.add("metrics", metrics);
    return json;
  }

  /**
   * Compiles a model with saved settings; the optimizer starts fresh.
   *
   * @param model the model
   * @param json the saved {@code compile_config}
   * @throws ModelFormatException for an unknown class or a bad value
   */
  static void compile(Sequential model, JsonFields json) throws ModelFormatException {
    Optimizer optimizer = optimizer(json.object("optimizer"));
    Loss loss = loss(json.object("loss"));
    String[] metrics = json.strings("metrics").toArray(new String[0]);
    try {
      model.compile(optimizer, loss, metrics);
    } catch (IllegalArgumentException e) {
      throw json.problem(e.getMessage());
    }
  }

  private static JsonObject optimizer(Optimizer optimizer) {
    JsonObject c = new JsonObject();
    c.addProperty("name", optimizer.name());
    c.addProperty("learning_rate", optimizer.learningRate());
    c.add("clipnorm", numberOrNull(optimizer.clipnorm()));
    c.add("clipvalue", numberOrNull(optimizer.clipvalue()));
    c.add("global_clipnorm", numberOrNull(optimizer.globalClipnorm()));
    if (optimizer instanceof SGD) {
      SGD sgd = (SGD) optimizer;
      c.addProperty("momentum", sgd.momentum());
      c.addProperty("nesterov", sgd.nesterov());
    } else if (optimizer instanceof RMSprop) {
      RMSprop rms = (RMSprop) optimizer;
      c.addProperty("rho", rms.rho());
      c.addProperty("momentum", rms.momentum());
      c.addProperty("epsilon", rms.epsilon());
      c.addProperty("centered", rms.centered());
    } else if (optimizer instanceof Adagrad) {
      Adagrad ada = (Adagrad) optimizer;
      c.addProperty("initial_accumulator_value", ada.initialAccumulatorValue());
      c.addProperty("epsilon", ada.epsilon());
    } else if (optimizer instanceof Adam) {
      Adam adam = (Adam) optimizer;
      c.addProperty("beta_1", adam.beta1());
      c.addProperty("beta_2", adam.beta2());
      c.addProperty("epsilon", adam.epsilon());
      c.addProperty("amsgrad", adam.amsgrad());
    } else {
      throw new IllegalArgumentException(
          "optimizer "
              + optimizer.getClass().getName()
              + " cannot be saved; the format knows "
              + "SGD, RMSprop, Adagrad and Adam");
    }
    return classAndConfig(optimizer.getClass().getSimpleName(), c);
  }

  private static Optimizer optimizer(JsonFields json) throws ModelFormatException {
    String className = json.string("class_name");
    JsonFields c = json.object("config");
    float lr = c.float32("learning_rate");
    try {
      Optimizer optimizer;
      switch (className) {
        case "SGD":
          optimizer = new SGD(lr).momentum(c.float32("momentum")).nesterov(c.bool("nesterov"));
          break;
        case "RMSprop":
          optimizer =
              new RMSprop(lr)
                  .rho(c.float32("rho"))
                  .momentum(c.float32("momentum"))
                  .epsilon(c.float32("epsilon"))
                  .centered(c.bool("centered"));
          break;
        case "Adagrad":
          optimizer =
              new Adagrad(lr)
                  .initialAccumulatorValue(c.float32("initial_accumulator_value"))
                  .epsilon(c.float32("epsilon"));
          break;
        case "Adam":
          optimizer =
              new Adam(lr)
                  .beta1(c.float32("beta_1"))
                  .beta2(c.float32("beta_2"))
                  .epsilon(c.float32("epsilon"))
                  .amsgrad(c.bool("amsgrad"));
          break;
        default:
          throw json.problem(
              "unknown optimizer class_name '"
                  + className
                  + "'; this version of Tensile loads SGD, RMSprop, Adagrad and Adam");
      }
      float clipnorm = c.float32OrNaN("clipnorm");
      float clipvalue = c.float32OrNaN("clipvalue");
      float globalClipnorm = c.float32OrNaN("global_clipnorm");
      if (!Float.isNaN(clipnorm)) {
        optimizer.clipnorm(clipnorm);
      }
      if (!Float.isNaN(clipvalue)) {
        optimizer.clipvalue(clipvalue);
      }
      if (!Float.isNaN(globalClipnorm)) {
        optimizer.globalClipnorm(globalClipnorm);
      }
      return optimizer;
    } catch (IllegalArgumentException e) {
      throw c.problem(e.getMessage());
    }
  }

  private static JsonObject loss(Loss loss) {
    boolean fromLogits;
    if (loss instanceof SparseCategoricalCrossentropy) {
      fromLogits = ((SparseCategoricalCrossentropy) loss).fromLogits();
    } else if (loss instanceof CategoricalCrossentropy) {
      fromLogits = ((CategoricalCrossentropy) loss).fromLogits();
    } else if (loss instanceof BinaryCrossentropy) {
      fromLogits = ((BinaryCrossentropy) loss).fromLogits();
    } else {
      throw new IllegalArgumentException(
          "loss "
              + loss.getClass().getName()
              + " cannot be saved; the format knows "
              + "SparseCategoricalCrossentropy, CategoricalCrossentropy and BinaryCrossentropy");
    }
    JsonObject c = new JsonObject();
    c.addProperty("name", loss.name());
    c.addProperty("from_logits", fromLogits);
    return classAndConfig(loss.getClass().getSimpleName(), c);
  }

  private static Loss loss(JsonFields json) throws ModelFormatException {
    String className = json.string("class_name");
    boolean fromLogits = json.object("config").bool("from_logits");
    switch (className) {
      case "SparseCategoricalCrossentropy":
        return new SparseCategoricalCrossentropy(fromLogits);
      case "CategoricalCrossentropy":
        return new CategoricalCrossentropy(fromLogits);
      case "BinaryCrossentropy":
        return new BinaryCrossentropy(fromLogits);
      default:
        throw json.problem(
            "unknown loss class_name '"
                + className
                + "'; this version of Tensile loads "
                + "SparseCategoricalCrossentropy, CategoricalCrossentropy and BinaryCrossentropy");
    }
  }

  private static JsonElement numberOrNull(float value) {
    return Float.isNaN(value) ? JsonNull.INSTANCE : new JsonPrimitive(value);
  }
}
