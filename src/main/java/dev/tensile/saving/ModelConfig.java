package dev.tensile.saving;

import static dev.tensile.saving.LayerConfigs.classAndConfig;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.tensile.layers.Layer;
import dev.tensile.models.Sequential;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's {@code config.json}: its class, name, per-sample input shape and layers, and the
 * settings it was compiled with (null if it was not):
 *
 * <pre>{@code
 * {"class_name": "Sequential",
 *  "config": {"name": "sequential", "input_shape": [28, 28], "layers": [...]},
 *  "compile_config": {"optimizer": ..., "loss": ..., "metrics": ["accuracy"]}}
 * }</pre>
 */
final class ModelConfig {
  /** The config file's entry name. */
  static final String ENTRY = "config.json";

  private ModelConfig() {}

  /**
   * Describes a model.
   *
   * @param model the model
   * @return its config
   * @throws IllegalArgumentException if a part of the model is not one the format knows
   */
  static JsonObject toJson(Sequential model) {
    JsonObject config = new JsonObject();
    config.addProperty("name", model.name());
    int[] inputShape = model.inputShape();
    if (inputShape == null) {
      config.add("input_shape", JsonNull.INSTANCE);
    } else {
      JsonArray shape = new JsonArray();
      for (int d : inputShape) {
        shape.add(d);
      }
      config.add("input_shape", shape);
    }
    JsonArray layers = new JsonArray();
    for (Layer layer : model.layers()) {
      layers.add(LayerConfigs.toJson(layer));
    }
    config.add("layers", layers);
    JsonObject json = classAndConfig("Sequential", config);
    json.add(
        "compile_config", model.isCompiled() ? CompileConfigs.toJson(model) : JsonNull.INSTANCE);
    return json;
  }

  /**
   * Makes the model a config describes: named, built if the input shape was known, and compiled if
   * it was; the weights are the initializers' until the caller loads them.
   *
   * @param archive the file
   * @return the model
   * @throws ModelFormatException if the config is missing, invalid or names unknown classes
   * @throws IOException if reading fails
   */
  static Sequential read(ArchiveReader archive) throws IOException {
    JsonFields json = archive.json(ENTRY);
    String className = json.string("class_name");
    if (!className.equals("Sequential")) {
      throw json.problem("class_name is '" + className + "'; this version loads Sequential");
    }
    JsonFields config = json.object("config");
    List<Layer> layers = new ArrayList<>();
    for (JsonFields layer : config.objects("layers")) {
      layers.add(LayerConfigs.fromJson(layer));
    }
    int[] inputShape = config.intsOrNull("input_shape");
    Sequential model;
    try {
      model = new Sequential(layers.toArray(new Layer[0])).name(config.string("name"));
      if (inputShape != null) {
        model.build(inputShape);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw config.problem(e.getMessage());
    }
    if (json.has("compile_config")) {
      CompileConfigs.compile(model, json.object("compile_config"));
    }
    return model;
  }

  /**
   * Returns the layer names in the order the config lists them.
   *
   * @param archive the file
   * @return the names
   * @throws IOException if the config cannot be read
   */
  static List<String> layerNames(ArchiveReader archive) throws IOException {
    List<String> names = new ArrayList<>();
    for (JsonFields layer : archive.json(ENTRY).object("config").objects("layers")) {
      names.add(layer.object("config").string("name"));
    }
    return names;
  }
}
