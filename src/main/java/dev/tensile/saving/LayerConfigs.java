package dev.tensile.saving;

import com.google.gson.JsonObject;
import dev.tensile.activations.ActivationFunction;
import dev.tensile.activations.Activations;
import dev.tensile.initializers.Constant;
import dev.tensile.initializers.Initializer;
import dev.tensile.initializers.VarianceScaling;
import dev.tensile.layers.Activation;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Layer;
import java.util.EnumSet;
import java.util.Locale;

/**
 * Layers to and from their JSON config, Keras's {@code {"class_name": "Dense", "config": {"name":
 * "dense", "units": 10, ...}}}. The known classes are {@code Dense}, {@code Flatten}, {@code
 * Activation}, {@code Dropout} and the convolution layers of {@link ConvLayerConfigs}; initializers are {@code VarianceScaling} (with its Keras name,
 * such as {@code glorot_uniform}, and its seed) or {@code Constant}.
 */
final class LayerConfigs {
  private static final String KNOWN =
      "Dense, Flatten, Activation, Dropout, " + ConvLayerConfigs.KNOWN;

  private LayerConfigs() {}

  /**
   * Describes a layer.
   *
   * @param layer one of the known layer classes
   * @return its config
   * @throws IllegalArgumentException if the layer, its activation or an initializer is not one the
   *     format knows
   */
  static JsonObject toJson(Layer layer) {
    JsonObject config = new JsonObject();
    config.addProperty("name", layer.name());
    if (layer instanceof Dense) {
      Dense dense = (Dense) layer;
      config.addProperty("units", dense.units());
      config.addProperty("activation", activationName(layer, dense.activation()));
      config.addProperty("use_bias", dense.useBias());
      config.add("kernel_initializer", initializer(layer, dense.kernelInitializer()));
      config.add("bias_initializer", initializer(layer, dense.biasInitializer()));
    } else if (layer instanceof Activation) {
      config.addProperty("activation", activationName(layer, ((Activation) layer).activation()));
    } else if (layer instanceof Dropout) {
      config.addProperty("rate", ((Dropout) layer).rate());
      config.addProperty("seed", ((Dropout) layer).seed());
    } else if (!(layer instanceof Flatten) && !ConvLayerConfigs.describe(layer, config)) {
      throw new IllegalArgumentException(
          String.format(
              "layer '%s' is a %s, which cannot be saved; the format knows %s",
              layer.name(), layer.getClass().getName(), KNOWN));
    }
    return classAndConfig(layer.typeName(), config);
  }

  /**
   * Makes a new, unbuilt layer from its config.
   *
   * @param json the layer's entry in the config's layer list
   * @return the layer, named as saved
   * @throws ModelFormatException for an unknown class or a bad value
   */
  static Layer fromJson(JsonFields json) throws ModelFormatException {
    String className = json.string("class_name");
    JsonFields config = json.object("config");
    try {
      Layer layer;
      switch (className) {
        case "Dense":
          layer =
              new Dense(config.integer("units"), config.string("activation"))
                  .useBias(config.bool("use_bias"))
                  .kernelInitializer(initializer(config.object("kernel_initializer")))
                  .biasInitializer(initializer(config.object("bias_initializer")));
          break;
        case "Activation":
          layer = new Activation(config.string("activation"));
          break;
        case "Dropout":
          layer = new Dropout(config.float32("rate"), config.int64("seed"));
          break;
        case "Flatten":
          layer = new Flatten();
          break;
        default:
          layer = ConvLayerConfigs.make(className, config);
          if (layer != null) {
            break;
          }
          throw json.problem(
              "unknown layer class_name '"
                  + className
                  + "'; this version of Tensile loads "
                  + KNOWN);
      }
      return layer.name(config.string("name"));
    } catch (IllegalArgumentException e) {
      throw json.problem(e.getMessage());
    }
  }

  static String activationName(Layer layer, ActivationFunction f) {
    if (Activations.get(f.name()) != f) {
      throw new IllegalArgumentException(
          String.format(
              "layer '%s' uses activation %s, which cannot be saved; the format knows linear, "
                  + "relu, sigmoid, tanh, softmax",
              layer.name(), f.getClass().getName()));
    }
    return f.name();
  }

  static JsonObject initializer(Layer layer, Initializer init) {
    JsonObject config = new JsonObject();
    config.addProperty("name", init.name());
    if (init instanceof VarianceScaling) {
      VarianceScaling v = (VarianceScaling) init;
      config.addProperty("scale", v.scale());
      config.addProperty("mode", v.mode().name().toLowerCase(Locale.ROOT));
      config.addProperty("distribution", v.distribution().name().toLowerCase(Locale.ROOT));
      config.addProperty("seed", v.seed());
      return classAndConfig("VarianceScaling", config);
    }
    if (init instanceof Constant) {
      config.addProperty("value", ((Constant) init).value());
      return classAndConfig("Constant", config);
    }
    throw new IllegalArgumentException(
        String.format(
            "layer '%s' uses initializer %s, which cannot be saved; the format knows "
                + "VarianceScaling and Constant",
            layer.name(), init.getClass().getName()));
  }

  static Initializer initializer(JsonFields json) throws ModelFormatException {
    String className = json.string("class_name");
    JsonFields config = json.object("config");
    String name = config.string("name");
    if (className.equals("VarianceScaling")) {
      return new VarianceScaling(
          config.float64("scale"),
          option(config, "mode", VarianceScaling.Mode.class),
          option(config, "distribution", VarianceScaling.Distribution.class),
          config.int64("seed"),
          name);
    }
    if (className.equals("Constant")) {
      switch (name) {
        case "zeros":
          return Constant.zeros();
        case "ones":
          return Constant.ones();
        default:
          return new Constant(config.float32("value"));
      }
    }
    throw json.problem(
        "unknown initializer class_name '" + className + "'; expected VarianceScaling or Constant");
  }

  /** Reads an enum constant written in lower case, e.g. {@code fan_avg}. */
  private static <E extends Enum<E>> E option(JsonFields config, String key, Class<E> type)
      throws ModelFormatException {
    String value = config.string(key);
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
        return e;
      }
    }
    String known = EnumSet.allOf(type).toString().toLowerCase(Locale.ROOT);
    throw config.problem(String.format("%s must be one of %s, got '%s'", key, known, value));
  }

  /** Keras's wrapping of an object's config: {@code {"class_name": ..., "config": {...}}}. */
  static JsonObject classAndConfig(String className, JsonObject config) {
    JsonObject json = new JsonObject();
    json.addProperty("class_name", className);
    json.add("config", config);
    return json;
  }
}
