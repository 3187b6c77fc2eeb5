package dev.tensile.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One object as Keras describes it: a class name and a config of named values, {@code
 * {"module": "keras.layers", "class_name": "Dense", "config": {"name": "dense", "units": 10, ...}}}.
 *
 * <p>Values are JSON's: {@code null}, {@link Boolean}, {@link Number}, {@link String}, a {@link
 * List} of values, or a {@link Map} from strings to values (a nested object). Getters check the
 * type and range and fail with a {@link ConfigException} naming the entry ({@link #where()} plus
 * the key) and what was expected; getters with a default return it when the key is absent or null,
 * as Keras's constructors do for omitted arguments. Instances are immutable.
 */
public final class ObjectConfig {
  private final String module;
  private final String className;
  private final Map<String, Object> config;
  private final String where;

  private ObjectConfig(String module, String className, Map<String, Object> config, String where) {
    this.module = module;
    this.className = className;
    this.config = Collections.unmodifiableMap(config);
    this.where = where;
  }

  /**
   * Starts a description.
   *
   * @param module Keras's module of the class, e.g. {@code keras.layers}
   * @param className Keras's class name, e.g. {@code Dense}
   * @return a builder
   * @throws ConfigException if either is null
   */
  public static Builder builder(String module, String className) {
    if (module == null || className == null) {
      throw new ConfigException("a description needs a module and a class name, got null");
    }
    return new Builder(module, className);
  }

  /**
   * Wraps a parsed config for reading.
   *
   * @param module the module, or null if the file gave none
   * @param className the class name
   * @param config the config's values (copied)
   * @param where where the config came from, for messages, e.g. {@code config.json:
   *     config.layers[1]}
   * @return the description
   * @throws ConfigException if an argument is null
   */
  public static ObjectConfig of(
      String module, String className, Map<String, ?> config, String where) {
    if (className == null || config == null || where == null) {
      throw new ConfigException("a description needs a class name, a config and a place, got null");
    }
    return new ObjectConfig(module, className, new LinkedHashMap<>(config), where);
  }

  /**
   * Returns Keras's module, e.g. {@code keras.layers}.
   *
   * @return the module, or null if the file named none
   */
  public String module() {
    return module;
  }

  /**
   * Returns the class name, e.g. {@code Dense}.
   *
   * @return the class name
   */
  public String className() {
    return className;
  }

  /**
   * Returns where this description came from, the start of every message.
   *
   * @return for example {@code config.json: config.layers[1]}
   */
  public String where() {
    return where;
  }

  /**
   * Returns the config's values in order.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> values() {
    return config;
  }

  /**
   * Returns the config's keys in order.
   *
   * @return an unmodifiable set
   */
  public Set<String> keys() {
    return config.keySet();
  }

  /**
   * Tells whether a key is present with a non-null value.
   *
   * @param key the key
   * @return true if present and not null
   */
  public boolean has(String key) {
    return config.get(key) != null;
  }

  /**
   * Makes an exception about this description.
   *
   * @param what what is wrong
   * @return an exception whose message starts with {@link #where()} and the class name
   */
  public ConfigException problem(String what) {
    return new ConfigException(where + " (" + className + "): " + what);
  }

  private ConfigException wrong(String key, String expected, Object got) {
    return problem("config." + key + " must be " + expected + ", got " + show(got));
  }

  private Object require(String key) {
    Object v = config.get(key);
    if (v == null) {
      throw problem("config." + key + " is missing");
    }
    return v;
  }

  /**
   * Returns a string.
   *
   * @param key the key
   * @return the value
   * @throws ConfigException if missing or not a string
   */
  public String getString(String key) {
    Object v = require(key);
    if (!(v instanceof String)) {
      throw wrong(key, "a string", v);
    }
    return (String) v;
  }

  /**
   * Returns a string, or a default if absent or null.
   *
   * @param key the key
   * @param fallback the default, may be null
   * @return the value or the default
   * @throws ConfigException if present but not a string
   */
  public String getString(String key, String fallback) {
    return has(key) ? getString(key) : fallback;
  }

  /**
   * Returns a boolean, or a default if absent or null.
   *
   * @param key the key
   * @param fallback the default
   * @return the value or the default
   * @throws ConfigException if present but not true or false
   */
  public boolean getBoolean(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    Object v = config.get(key);
    if (!(v instanceof Boolean)) {
      throw wrong(key, "true or false", v);
    }
    return (Boolean) v;
  }

  /**
   * Returns a whole number in a range.
   *
   * @param key the key
   * @param min the least allowed value
   * @param max the greatest allowed value
   * @return the value
   * @throws ConfigException if missing, not a whole number, or out of range
   */
  public long getLong(String key, long min, long max) {
    Object v = require(key);
    BigDecimal d = decimal(key, v);
    long value;
    try {
      value = d.longValueExact();
    } catch (ArithmeticException e) {
      throw wrong(key, "a whole number from " + min + " to " + max, v);
    }
    if (value < min || value > max) {
      throw wrong(key, "a whole number from " + min + " to " + max, v);
    }
    return value;
  }

  /**
   * Returns a whole number in a range, or a default if absent or null.
   *
   * @param key the key
   * @param fallback the default
   * @param min the least allowed value
   * @param max the greatest allowed value
   * @return the value or the default
   * @throws ConfigException if present but not a whole number in range
   */
  public int getInt(String key, int fallback, int min, int max) {
    return has(key) ? (int) getLong(key, min, max) : fallback;
  }

  /**
   * Returns a whole number as an object, or null if absent or null (Keras's {@code seed=None}).
   *
   * @param key the key
   * @return the value or null
   * @throws ConfigException if present but not a 64-bit whole number
   */
  public Long getLongOrNull(String key) {
    return has(key) ? getLong(key, Long.MIN_VALUE, Long.MAX_VALUE) : null;
  }

  /**
   * Returns a finite number, or a default if absent or null.
   *
   * @param key the key
   * @param fallback the default
   * @return the value or the default
   * @throws ConfigException if present but not a finite number
   */
  public double getDouble(String key, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    Object v = config.get(key);
    double value = decimal(key, v).doubleValue();
    if (!Double.isFinite(value)) {
      throw wrong(key, "a finite number", v);
    }
    return value;
  }

  /**
   * Returns a nested description, Keras's {@code {"class_name": ..., "config": {...}}}.
   *
   * @param key the key
   * @return the nested description, or null if absent or null
   * @throws ConfigException if present but not such an object
   */
  public ObjectConfig getObjectOrNull(String key) {
    if (!has(key)) {
      return null;
    }
    Object v = config.get(key);
    if (!(v instanceof Map)) {
      throw wrong(key, "an object with class_name and config", v);
    }
    Map<?, ?> map = (Map<?, ?>) v;
    Object name = map.get("class_name");
    Object inner = map.get("config");
    Object mod = map.get("module");
    if (!(name instanceof String)
        || !(inner == null || inner instanceof Map)
        || !(mod == null || mod instanceof String)) {
      throw wrong(key, "an object with a string class_name and an object config", v);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    if (inner != null) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) inner).entrySet()) {
        values.put(String.valueOf(e.getKey()), e.getValue());
      }
    }
    return new ObjectConfig((String) mod, (String) name, values, where + ".config." + key);
  }

  /**
   * Returns a list of values.
   *
   * @param key the key
   * @return the list, unmodifiable
   * @throws ConfigException if missing or not a list
   */
  public List<Object> getList(String key) {
    Object v = require(key);
    if (!(v instanceof List)) {
      throw wrong(key, "a list", v);
    }
    return Collections.unmodifiableList(new ArrayList<Object>((List<?>) v));
  }

  /**
   * Checks that an argument Tensile does not support is absent, null or at its supported value.
   *
   * @param key the key
   * @param supported the one value Tensile supports (null: only absent or null)
   * @throws ConfigException if the value is another
   */
  public void requireDefault(String key, Object supported) {
    Object v = config.get(key);
    if (v == null || Objects.equals(normal(v), normal(supported))) {
      return;
    }
    throw problem(
        "config."
            + key
            + " = "
            + show(v)
            + " is not supported by Tensile; it supports "
            + (supported == null ? "null" : show(supported))
            + " only");
  }

  private static Object normal(Object v) {
    if (v instanceof Number) {
      return new BigDecimal(v.toString()).stripTrailingZeros();
    }
    return v;
  }

  private BigDecimal decimal(String key, Object v) {
    if (!(v instanceof Number)) {
      throw wrong(key, "a number", v);
    }
    try {
      return new BigDecimal(v.toString());
    } catch (NumberFormatException e) {
      throw wrong(key, "a finite number", v);
    }
  }

  /** Shows a value for a message, shortened to 60 characters. */
  static String show(Object v) {
    String text = v instanceof String ? "'" + v + "'" : String.valueOf(v);
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  /**
   * Returns Keras's JSON shape of this description: {@code module}, {@code class_name}, {@code
   * config} and {@code registered_name} (null).
   *
   * @return a new ordered map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("module", module);
    map.put("class_name", className);
    map.put("config", config);
    map.put("registered_name", null);
    return map;
  }

  @Override
  public String toString() {
    return className + config;
  }

  /** Builds a description key by key, in the order Keras writes them. */
  public static final class Builder {
    private final String module;
    private final String className;
    private final Map<String, Object> config = new LinkedHashMap<>();

    private Builder(String module, String className) {
      this.module = module;
      this.className = className;
    }

    /**
     * Adds a value.
     *
     * @param key the key
     * @param value null, a boolean, number or string, a list, a map, or a nested description
     * @return this builder
     * @throws ConfigException if the key is null or the value of another type
     */
    public Builder put(String key, Object value) {
      if (key == null) {
        throw new ConfigException("a config key must not be null");
      }
      config.put(key, checked(key, value));
      return this;
    }

    private Object checked(String key, Object value) {
      if (value instanceof ObjectConfig) {
        return ((ObjectConfig) value).toMap();
      }
      if (value instanceof Float) {
        // float32 hyperparameters are written as the shortest decimal of the float, 0.001 not
        // 0.0010000000474974513.
        return Double.valueOf(Float.toString((Float) value));
      }
      if (value == null
          || value instanceof Boolean
          || value instanceof Number
          || value instanceof String
          || value instanceof Map) {
        return value;
      }
      if (value instanceof int[]) {
        List<Object> list = new ArrayList<>();
        for (int d : (int[]) value) {
          list.add(d);
        }
        return list;
      }
      if (value instanceof List) {
        List<Object> list = new ArrayList<>();
        for (Object o : (List<?>) value) {
          list.add(checked(key, o));
        }
        return list;
      }
      throw new ConfigException(
          "config." + key + " cannot hold a " + value.getClass().getName() + " value");
    }

    /**
     * Finishes the description.
     *
     * @return the description
     */
    public ObjectConfig build() {
      return new ObjectConfig(module, className, new LinkedHashMap<>(config), className);
    }
  }
}
