package dev.tensile.layers;

import dev.tensile.config.ObjectConfig;
import java.util.Map;

/** Keras's dtype policy in a layer's config; Tensile computes in float32 only. */
final class KerasDtype {
  /** {@code {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}}}. */
  static final ObjectConfig FLOAT32 =
      ObjectConfig.builder("keras", "DTypePolicy").put("name", "float32").build();

  private KerasDtype() {}

  /** Checks that a layer's {@code dtype} is absent, {@code "float32"} or the float32 policy. */
  static void check(ObjectConfig layer) {
    Object dtype = layer.values().get("dtype");
    String name;
    if (dtype == null || dtype instanceof String) {
      name = (String) dtype;
    } else if (dtype instanceof Map) {
      ObjectConfig policy = layer.getObjectOrNull("dtype");
      name = policy.getString("name", null);
    } else {
      throw layer.problem("config.dtype must be a string or a dtype policy, got " + dtype);
    }
    if (name != null && !name.equals("float32")) {
      throw layer.problem(
          "config.dtype is '" + name + "'; Tensile computes in float32 only");
    }
  }
}
