package dev.tensile.saving;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tensile.layers.AveragePooling2D;
import dev.tensile.layers.BatchNormalization;
import dev.tensile.layers.Conv2D;
import dev.tensile.layers.GlobalAveragePooling2D;
import dev.tensile.layers.GlobalMaxPooling2D;
import dev.tensile.layers.Layer;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.layers.Reshape;

/**
 * The convolution layers to and from their Keras configs: {@code Conv2D} ({@code filters}, {@code
 * kernel_size}, {@code strides}, {@code padding}, {@code dilation_rate}, {@code activation},
 * {@code use_bias}, initializers), {@code MaxPooling2D} and {@code AveragePooling2D} ({@code
 * pool_size}, {@code strides}, {@code padding}), the global poolings, {@code Reshape} ({@code
 * target_shape}) and {@code BatchNormalization} ({@code momentum}, {@code epsilon}, {@code
 * center}, {@code scale}), all channels-last.
 */
final class ConvLayerConfigs {
  static final String KNOWN = "Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, "
      + "GlobalMaxPooling2D, Reshape, BatchNormalization";

  private ConvLayerConfigs() {}

  /** Adds a convolution layer's settings to its config; false if it is not one. */
  static boolean describe(Layer layer, JsonObject config) {
    if (layer instanceof Conv2D) {
      Conv2D conv = (Conv2D) layer;
      config.addProperty("filters", conv.filters());
      config.add("kernel_size", pair(conv.kernelSize()));
      config.add("strides", pair(conv.strides()));
      config.addProperty("padding", conv.padding());
      config.addProperty("data_format", "channels_last");
      config.add("dilation_rate", pair(conv.dilationRate()));
      config.addProperty("activation", LayerConfigs.activationName(layer, conv.activation()));
      config.addProperty("use_bias", conv.useBias());
      config.add("kernel_initializer", LayerConfigs.initializer(layer, conv.kernelInitializer()));
      config.add("bias_initializer", LayerConfigs.initializer(layer, conv.biasInitializer()));
    } else if (layer instanceof MaxPooling2D) {
      MaxPooling2D pool = (MaxPooling2D) layer;
      pooling(config, pool.poolSize(), pool.strides(), pool.padding());
    } else if (layer instanceof AveragePooling2D) {
      AveragePooling2D pool = (AveragePooling2D) layer;
      pooling(config, pool.poolSize(), pool.strides(), pool.padding());
    } else if (layer instanceof GlobalAveragePooling2D || layer instanceof GlobalMaxPooling2D) {
      config.addProperty("data_format", "channels_last");
      config.addProperty("keepdims", false);
    } else if (layer instanceof Reshape) {
      config.add("target_shape", pair(((Reshape) layer).targetShape()));
    } else if (layer instanceof BatchNormalization) {
      BatchNormalization bn = (BatchNormalization) layer;
      config.addProperty("axis", -1);
      config.addProperty("momentum", bn.momentum());
      config.addProperty("epsilon", bn.epsilon());
      config.addProperty("center", bn.center());
      config.addProperty("scale", bn.scale());
    } else {
      return false;
    }
    return true;
  }

  /** Makes the convolution layer a config describes, or returns null for another class. */
  static Layer make(String className, JsonFields config) throws ModelFormatException {
    switch (className) {
      case "Conv2D": {
        int[] s = pair(config, "strides");
        int[] d = pair(config, "dilation_rate");
        return new Conv2D(config.integer("filters"), pair(config, "kernel_size"),
            config.string("activation"))
            .strides(s[0], s[1])
            .dilationRate(d[0], d[1])
            .padding(config.string("padding"))
            .useBias(config.bool("use_bias"))
            .kernelInitializer(LayerConfigs.initializer(config.object("kernel_initializer")))
            .biasInitializer(LayerConfigs.initializer(config.object("bias_initializer")));
      }
      case "MaxPooling2D": {
        int[] s = config.intsOrNull("strides");
        MaxPooling2D pool = new MaxPooling2D(pair(config, "pool_size"));
        return (s == null ? pool : pool.strides(s[0], s[1])).padding(config.string("padding"));
      }
      case "AveragePooling2D": {
        int[] s = config.intsOrNull("strides");
        AveragePooling2D pool = new AveragePooling2D(pair(config, "pool_size"));
        return (s == null ? pool : pool.strides(s[0], s[1])).padding(config.string("padding"));
      }
      case "GlobalAveragePooling2D":
        return new GlobalAveragePooling2D();
      case "GlobalMaxPooling2D":
        return new GlobalMaxPooling2D();
      case "Reshape":
        return new Reshape(config.intsOrNull("target_shape"));
      case "BatchNormalization":
        return new BatchNormalization()
            .momentum(config.float64("momentum"))
            .epsilon(config.float64("epsilon"))
            .center(config.bool("center"))
            .scale(config.bool("scale"));
      default:
        return null;
    }
  }

  /** Reads two positive integers, such as {@code kernel_size: [3, 3]}. */
  private static int[] pair(JsonFields config, String key) throws ModelFormatException {
    int[] v = config.intsOrNull(key);
    if (v == null || v.length != 2) {
      throw config.problem(key + " must be a list of two integers");
    }
    return v;
  }

  private static void pooling(JsonObject config, int[] poolSize, int[] strides, String padding) {
    config.add("pool_size", pair(poolSize));
    config.add("strides", pair(strides));
    config.addProperty("padding", padding);
    config.addProperty("data_format", "channels_last");
  }

  private static JsonArray pair(int[] values) {
    JsonArray a = new JsonArray();
    for (int v : values) {
      a.add(v);
    }
    return a;
  }
}
