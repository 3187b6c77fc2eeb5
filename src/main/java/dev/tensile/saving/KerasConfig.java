package dev.tensile.saving;

import dev.tensile.config.ConfigException;
import dev.tensile.config.ObjectConfig;
import dev.tensile.layers.Layer;
import dev.tensile.losses.Loss;
import dev.tensile.optimizers.Optimizer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Sequential model's {@code config.json} (also the {@code model_config} attribute of a legacy
 * {@code .h5} file), as Keras 3 writes it: {@code {"module": "keras", "class_name": "Sequential",
 * "config": {"name": ..., "layers": [InputLayer, ...]}, "build_config": ..., "compile_config":
 * ...}}. Every object is rebuilt through the {@link Registry}.
 */
final class KerasConfig {
  private KerasConfig() {}

  /** What a config describes, before any weight is read. */
  static final class Parsed {
    String name;
    int[] inputShape;
    final List<Layer> layers = new ArrayList<>();
    final List<String> layerNames = new ArrayList<>();
    Optimizer optimizer;
    Loss loss;
    final List<String> metrics = new ArrayList<>();
  }

  /** Keras's float32 dtype policy. */
  private static Map<String, Object> float32() {
    return ObjectConfig.builder("keras", "DTypePolicy").put("name", "float32").build().toMap();
  }

  /**
   * Describes a model.
   *
   * @param model the model's parts
   * @return the config, ready for JSON
   * @throws IllegalArgumentException if a part cannot describe itself
   */
  static Map<String, Object> toMap(SavedModel model) {
    List<Object> layers = new ArrayList<>();
    int[] input = model.inputShape();
    if (input != null) {
      Map<String, Object> in = new LinkedHashMap<>();
      in.put("batch_shape", batchShape(input));
      in.put("dtype", "float32");
      in.put("sparse", false);
      in.put("ragged", false);
      in.put("name", "input_layer");
      in.put("optional", false);
      layers.add(ObjectConfig.of("keras.layers", "InputLayer", in, "input").toMap());
    }
    for (Layer layer : model.layers()) {
      Map<String, Object> map;
      try {
        map = layer.getConfig().toMap();
      } catch (UnsupportedOperationException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      if (layer.isBuilt()) {
        map.put("build_config", Map.of("input_shape", batchShape(layer.inputShape())));
      }
      layers.add(map);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", model.name());
    config.put("trainable", true);
    config.put("dtype", float32());
    config.put("layers", layers);
    if (input != null) {
      config.put("build_input_shape", batchShape(input));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("module", "keras");
    root.put("class_name", "Sequential");
    root.put("config", config);
    root.put("registered_name", null);
    if (input != null) {
      root.put("build_config", Map.of("input_shape", batchShape(input)));
    }
    if (model.optimizer() != null) {
      Map<String, Object> compile = new LinkedHashMap<>();
      try {
        compile.put("optimizer", model.optimizer().getConfig().toMap());
        compile.put("loss", model.loss().getConfig().toMap());
      } catch (UnsupportedOperationException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      compile.put("loss_weights", null);
      for (String metric : model.metrics()) {
        // A metric of one's own would save, then fail to load: refuse it before writing.
        Registry.keras().metric(metric);
      }
      compile.put("metrics", new ArrayList<Object>(model.metrics()));
      compile.put("weighted_metrics", null);
      compile.put("run_eagerly", false);
      compile.put("steps_per_execution", 1);
      compile.put("jit_compile", true);
      root.put("compile_config", compile);
    }
    return root;
  }

  private static List<Object> batchShape(int[] sampleShape) {
    List<Object> shape = new ArrayList<>();
    shape.add(null);
    for (int d : sampleShape) {
      shape.add(d);
    }
    return shape;
  }

  /**
   * Rebuilds what a config describes.
   *
   * @param root the parsed JSON
   * @param compileConfig the compile settings ({@code compile_config}, or a legacy file's {@code
   *     training_config}), or null
   * @param file the file, for messages
   * @param where the entry, e.g. {@code config.json}
   * @return the parts, unbuilt
   * @throws ModelFormatException if the config is not a Sequential model of Tensile's types
   */
  static Parsed parse(Map<String, Object> root, Map<String, Object> compileConfig, Path file,
      String where) throws ModelFormatException {
    try {
      return parseOrThrow(root, compileConfig, where);
    } catch (ConfigException e) {
      throw new ModelFormatException(file, e.getMessage(), e);
    }
  }

  private static Parsed parseOrThrow(
      Map<String, Object> root, Map<String, Object> compile, String where) {
    Map<String, Object> compileConfig = compile;
    ObjectConfig model = wrapper(root, where);
    if (!model.className().equals("Sequential")) {
      throw model.problem(
          "a " + model.className() + " model; Tensile loads Sequential models only (functional "
              + "graphs and subclassed models are not supported)");
    }
    model.requireDefault("trainable", true);
    Object dtype = model.values().get("dtype");
    ObjectConfig policy = dtype instanceof Map ? model.getObjectOrNull("dtype") : null;
    String dtypeName = policy != null ? policy.getString("name", null)
        : dtype instanceof String ? (String) dtype : null;
    if (dtypeName != null && !dtypeName.equals("float32")) {
      throw model.problem("config.dtype is '" + dtypeName + "'; Tensile computes in float32 only");
    }
    Parsed parsed = new Parsed();
    parsed.name = model.getString("name", "sequential");
    List<Object> layers = model.getList("layers");
    for (int i = 0; i < layers.size(); i++) {
      if (!(layers.get(i) instanceof Map)) {
        throw model.problem("config.layers[" + i + "] must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> entry = (Map<String, Object>) layers.get(i);
      ObjectConfig layer = wrapper(entry, where + ": config.layers[" + i + "]");
      if (layer.className().equals("InputLayer")) {
        if (i != 0) {
          throw layer.problem("an InputLayer must come first");
        }
        parsed.inputShape = sampleShape(layer, layer.has("batch_shape") ? "batch_shape"
            : "batch_input_shape");
        continue;
      }
      if (i == 0 && layer.has("batch_input_shape")) {
        parsed.inputShape = sampleShape(layer, "batch_input_shape");
      }
      Layer made = Registry.keras().create(Layer.class, layer);
      parsed.layers.add(made);
      parsed.layerNames.add(made.name());
    }
    if (parsed.inputShape == null && model.has("build_input_shape")) {
      parsed.inputShape = sampleShape(model, "build_input_shape");
    }
    if (compileConfig != null && compileConfig.get("optimizer") == null
        && compileConfig.get("optimizer_config") == null) {
      // Keras writes an empty compile_config for a model that was never compiled.
      compileConfig = null;
    }
    if (compileConfig != null) {
      compile(parsed, ObjectConfig.of(null, "compile_config", compileConfig,
          where + ": compile_config"));
    }
    return parsed;
  }

  /** Reads Keras's wrapper {@code {"module", "class_name", "config", "registered_name"}}. */
  static ObjectConfig wrapper(Map<String, Object> map, String where) {
    Object cls = map.get("class_name");
    Object config = map.get("config");
    Object module = map.get("module");
    Object registered = map.get("registered_name");
    if (!(cls instanceof String) || !(config instanceof Map)) {
      throw new ConfigException(where + ": must be an object with a string class_name and an "
          + "object config");
    }
    if (module != null && !(module instanceof String && ((String) module).startsWith("keras"))) {
      throw new ConfigException(where + ": '" + cls + "' from module '" + module + "' is a "
          + "custom object; Tensile loads Keras's own classes only");
    }
    if (registered != null && !registered.equals(cls)) {
      throw new ConfigException(where + ": '" + registered + "' is a registered custom object; "
          + "Tensile loads Keras's own classes only");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) config;
    return ObjectConfig.of((String) module, (String) cls, values, where);
  }

  private static int[] sampleShape(ObjectConfig layer, String key) {
    List<Object> batch = layer.getList(key);
    if (batch.isEmpty()) {
      throw layer.problem("config." + key + " must have a batch axis and a sample shape");
    }
    int[] shape = new int[batch.size() - 1];
    for (int i = 1; i < batch.size(); i++) {
      Object d = batch.get(i);
      BigDecimal n = d instanceof BigDecimal ? (BigDecimal) d : null;
      if (n == null || n.signum() <= 0 || n.compareTo(BigDecimal.valueOf(Layer.MAX_DESCRIBED_SIZE)) > 0
          || n.stripTrailingZeros().scale() > 0) {
        throw layer.problem("config." + key + " must give each sample axis as a whole number from "
            + "1 to " + Layer.MAX_DESCRIBED_SIZE + ", got " + batch);
      }
      shape[i - 1] = n.intValue();
    }
    return shape;
  }

  private static void compile(Parsed parsed, ObjectConfig compile) {
    compile.requireDefault("loss_weights", null);
    compile.requireDefault("weighted_metrics", null);
    Object optimizer = compile.values().get("optimizer_config") != null
        ? compile.values().get("optimizer_config") : compile.values().get("optimizer");
    parsed.optimizer = optimizer instanceof String
        ? Registry.keras().optimizer((String) optimizer)
        : Registry.keras().create(Optimizer.class, legacyOptimizer(
            nested(compile, optimizer, "optimizer")));
    Object loss = compile.values().get("loss");
    if (loss == null) {
      throw compile.problem("has no loss; Tensile compiles with one loss");
    }
    parsed.loss = loss instanceof String
        ? Registry.keras().loss((String) loss)
        : Registry.keras().create(Loss.class, nested(compile, loss, "loss"));
    Object metrics = compile.values().get("metrics");
    if (metrics != null) {
      if (!(metrics instanceof List)) {
        throw compile.problem("metrics must be a list, got " + metrics);
      }
      for (Object m : flatten((List<?>) metrics)) {
        parsed.metrics.add(metric(compile, m));
      }
    }
  }

  /** Keras 2's legacy files nest the metrics one list per output: {@code [["accuracy"]]}. */
  private static List<Object> flatten(List<?> list) {
    List<Object> out = new ArrayList<>();
    for (Object o : list) {
      if (o instanceof List) {
        out.addAll(flatten((List<?>) o));
      } else {
        out.add(o);
      }
    }
    return out;
  }

  private static String metric(ObjectConfig compile, Object m) {
    if (m instanceof String) {
      return Registry.keras().metric(m);
    }
    ObjectConfig config = nested(compile, m, "metrics");
    if (config.className().equals("MeanMetricWrapper")) {
      // Keras 2 wrapped "accuracy" as a MeanMetricWrapper named after it.
      return Registry.keras().metric(config.getString("name"));
    }
    return Registry.keras().metric(config);
  }

  /** Keras 2.11 to 2.15 wrote its optimizers as {@code Custom>Adam}; Keras 3 reads them as Adam. */
  private static ObjectConfig legacyOptimizer(ObjectConfig config) {
    String cls = config.className();
    if (!cls.startsWith("Custom>")) {
      return config;
    }
    return ObjectConfig.of(config.module(), cls.substring("Custom>".length()), config.values(),
        config.where());
  }

  private static ObjectConfig nested(ObjectConfig compile, Object value, String key) {
    if (!(value instanceof Map)) {
      throw compile.problem(key + " must be a name or a description, got "
          + Arrays.asList(value));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return wrapper(map, compile.where() + "." + key);
  }
}
