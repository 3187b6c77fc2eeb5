package dev.tensile.saving;

import dev.tensile.activations.ActivationFunction;
import dev.tensile.activations.Activations;
import dev.tensile.config.ConfigException;
import dev.tensile.config.ObjectConfig;
import dev.tensile.config.Resolver;
import dev.tensile.initializers.Initializer;
import dev.tensile.initializers.Initializers;
import dev.tensile.layers.Activation;
import dev.tensile.layers.AveragePooling2D;
import dev.tensile.layers.BatchNormalization;
import dev.tensile.layers.Conv2D;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.GlobalAveragePooling2D;
import dev.tensile.layers.GlobalMaxPooling2D;
import dev.tensile.layers.Layer;
import dev.tensile.layers.MaxPooling2D;
import dev.tensile.layers.Reshape;
import dev.tensile.losses.BinaryCrossentropy;
import dev.tensile.losses.CategoricalCrossentropy;
import dev.tensile.losses.Loss;
import dev.tensile.losses.SparseCategoricalCrossentropy;
import dev.tensile.optimizers.Adagrad;
import dev.tensile.optimizers.Adam;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.optimizers.RMSprop;
import dev.tensile.optimizers.SGD;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one registry of Keras class names: every layer, optimizer, loss, activation and
 * initializer Tensile has, each with the factory that rebuilds it from its Keras description, and
 * Keras's string identifiers ({@code "adam"}, {@code "sparse_categorical_crossentropy"}, {@code
 * "relu"}, {@code "glorot_uniform"}, {@code "accuracy"}), so that model files and {@code
 * compile}'s strings resolve the same way.
 *
 * <p>Adding a type is one line here, {@code register(Layer.class, "Conv2D", Conv2D::fromConfig)},
 * beside the type's own {@code getConfig()} and {@code fromConfig}; nothing else in saving changes.
 * Lookups are case-sensitive for class names, as Keras's, and case-insensitive for string
 * identifiers. The registry is safe to use from several threads.
 */
public final class Registry implements Resolver {
  private static final Registry KERAS = new Registry();

  static {
    KERAS.register(Layer.class, "Dense", Dense::fromConfig);
    KERAS.register(Layer.class, "Flatten", Flatten::fromConfig);
    KERAS.register(Layer.class, "Activation", Activation::fromConfig);
    KERAS.register(Layer.class, "Dropout", Dropout::fromConfig);
    KERAS.register(Layer.class, "Conv2D", Conv2D::fromConfig);
    KERAS.register(Layer.class, "MaxPooling2D", MaxPooling2D::fromConfig);
    KERAS.register(Layer.class, "AveragePooling2D", AveragePooling2D::fromConfig);
    KERAS.register(Layer.class, "GlobalAveragePooling2D", GlobalAveragePooling2D::fromConfig);
    KERAS.register(Layer.class, "GlobalMaxPooling2D", GlobalMaxPooling2D::fromConfig);
    KERAS.register(Layer.class, "Reshape", Reshape::fromConfig);
    KERAS.register(Layer.class, "BatchNormalization", BatchNormalization::fromConfig);

    KERAS.register(Optimizer.class, "SGD", SGD::fromConfig);
    KERAS.register(Optimizer.class, "RMSprop", RMSprop::fromConfig);
    KERAS.register(Optimizer.class, "Adagrad", Adagrad::fromConfig);
    KERAS.register(Optimizer.class, "Adam", Adam::fromConfig);

    KERAS.register(Loss.class, "SparseCategoricalCrossentropy",
        SparseCategoricalCrossentropy::fromConfig, "sparse_categorical_crossentropy");
    KERAS.register(Loss.class, "CategoricalCrossentropy", CategoricalCrossentropy::fromConfig,
        "categorical_crossentropy");
    KERAS.register(Loss.class, "BinaryCrossentropy", BinaryCrossentropy::fromConfig,
        "binary_crossentropy", "bce");

    for (String name : List.of("linear", "relu", "sigmoid", "tanh", "softmax")) {
      ActivationFunction f = Activations.get(name);
      KERAS.register(ActivationFunction.class, name, (c, r) -> f);
    }
    for (String cls : Initializers.classNames()) {
      KERAS.register(Initializer.class, cls, (c, r) -> Initializers.fromConfig(c));
    }

    KERAS.register(MetricName.class, "accuracy", MetricName.of("accuracy"), "acc");
    KERAS.register(MetricName.class, "SparseCategoricalAccuracy",
        MetricName.of("sparse_categorical_accuracy"));
    KERAS.register(MetricName.class, "CategoricalAccuracy",
        MetricName.of("categorical_accuracy"));
    KERAS.register(MetricName.class, "BinaryAccuracy", MetricName.of("binary_accuracy"));
  }

  private final Map<Class<?>, Map<String, Factory<?>>> factories = new LinkedHashMap<>();
  private final Map<Class<?>, Map<String, String>> identifiers = new LinkedHashMap<>();
  private final Map<Class<?>, java.util.Set<String>> shown = new LinkedHashMap<>();

  private Registry() {}

  /**
   * Returns the registry of Keras's classes that Tensile has.
   *
   * @return the registry
   */
  public static Registry keras() {
    return KERAS;
  }

  /**
   * Registers a class name. Its snake_case form ({@code SparseCategoricalCrossentropy} to {@code
   * sparse_categorical_crossentropy}) and the lower-case class name become string identifiers too,
   * with any extra aliases.
   *
   * @param <T> the kind
   * @param kind the kind, e.g. {@code Layer.class}
   * @param className Keras's class name, e.g. {@code Dense}
   * @param factory makes the object from its description
   * @param aliases further string identifiers, e.g. {@code bce}
   * @throws IllegalArgumentException if an argument is null or the name is already registered
   */
  public synchronized <T> void register(
      Class<T> kind, String className, Factory<? extends T> factory, String... aliases) {
    if (kind == null || className == null || factory == null) {
      throw new IllegalArgumentException("register needs a kind, a class name and a factory");
    }
    Map<String, Factory<?>> byName = factories.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    if (byName.containsKey(className)) {
      throw new IllegalArgumentException(
          kind.getSimpleName() + " class '" + className + "' is already registered");
    }
    byName.put(className, factory);
    Map<String, String> ids = identifiers.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    ids.putIfAbsent(className.toLowerCase(Locale.ROOT), className);
    ids.putIfAbsent(snakeCase(className), className);
    java.util.Set<String> names = shown.computeIfAbsent(kind, k -> new java.util.LinkedHashSet<>());
    names.add(snakeCase(className));
    for (String alias : aliases) {
      ids.put(alias.toLowerCase(Locale.ROOT), className);
      names.add(alias.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Returns the class names registered for a kind, in registration order.
   *
   * @param kind the kind, e.g. {@code Layer.class}
   * @return the names
   */
  public synchronized List<String> classNames(Class<?> kind) {
    return new ArrayList<>(factories.getOrDefault(kind, Map.of()).keySet());
  }

  /**
   * Rebuilds an object from its description.
   *
   * @param <T> the kind
   * @param kind the kind
   * @param config the description
   * @return a new object
   * @throws ConfigException if the class is not registered (the message lists those that are) or
   *     the description is invalid
   */
  public <T> T create(Class<T> kind, ObjectConfig config) {
    if (kind == null || config == null) {
      throw new ConfigException("create needs a kind and a description, got null");
    }
    Factory<?> factory;
    synchronized (this) {
      factory = factories.getOrDefault(kind, Map.of()).get(config.className());
    }
    if (factory == null) {
      throw config.problem(
          "unknown " + noun(kind) + " class '" + config.className() + "'; Tensile supports "
              + String.join(", ", classNames(kind)));
    }
    try {
      return kind.cast(factory.create(config, this));
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // A constructor's own check, such as a rate outside [0, 1]: say where the value came from.
      throw config.problem(e.getMessage());
    }
  }

  /**
   * Resolves a string identifier ({@code "adam"}, {@code "Adam"}) or a description to a new
   * object with Keras's defaults for whatever the identifier leaves out.
   *
   * @param <T> the kind
   * @param kind the kind
   * @param identifier a string identifier or an {@link ObjectConfig}
   * @return the object
   * @throws ConfigException for a null or unknown identifier, listing the known ones
   */
  @Override
  public <T> T resolve(Class<T> kind, Object identifier) {
    if (kind == null) {
      throw new ConfigException("resolve needs a kind, got null");
    }
    if (identifier instanceof ObjectConfig) {
      return create(kind, (ObjectConfig) identifier);
    }
    if (!(identifier instanceof String)) {
      throw new ConfigException(
          article(noun(kind)) + " identifier must be a string or a description, got "
              + identifier + "; known: " + String.join(", ", identifiers(kind)));
    }
    String id = (String) identifier;
    String className;
    synchronized (this) {
      className = identifiers.getOrDefault(kind, Map.of()).get(id.toLowerCase(Locale.ROOT));
    }
    if (className == null) {
      throw new ConfigException(
          "unknown " + noun(kind) + " '" + id + "': expected one of "
              + String.join(", ", identifiers(kind)));
    }
    return create(kind, ObjectConfig.of(null, className, Map.of(), noun(kind) + " '" + id + "'"));
  }

  /**
   * Resolves an optimizer identifier, e.g. {@code "adam"}, with Keras's defaults.
   *
   * @param identifier the identifier
   * @return a new optimizer
   * @throws ConfigException for a null or unknown identifier
   */
  public Optimizer optimizer(String identifier) {
    return resolve(Optimizer.class, identifier);
  }

  /**
   * Resolves a loss identifier, e.g. {@code "sparse_categorical_crossentropy"}.
   *
   * @param identifier the identifier
   * @return a new loss
   * @throws ConfigException for a null or unknown identifier
   */
  public Loss loss(String identifier) {
    return resolve(Loss.class, identifier);
  }

  /**
   * Resolves an activation identifier, e.g. {@code "relu"}.
   *
   * @param identifier the identifier
   * @return the activation
   * @throws ConfigException for a null or unknown identifier
   */
  public ActivationFunction activation(String identifier) {
    return resolve(ActivationFunction.class, identifier);
  }

  /**
   * Resolves an initializer identifier, e.g. {@code "he_normal"}.
   *
   * @param identifier the identifier
   * @return a new initializer
   * @throws ConfigException for a null or unknown identifier
   */
  public Initializer initializer(String identifier) {
    return resolve(Initializer.class, identifier);
  }

  /**
   * Resolves a metric identifier to the name {@code compile} takes: {@code "accuracy"} and {@code
   * "acc"} stay as given (Keras picks the accuracy from the targets and outputs), Keras's class
   * names become their snake_case names.
   *
   * @param identifier a string or a metric's description
   * @return the metric's name
   * @throws ConfigException for a null or unknown identifier
   */
  public String metric(Object identifier) {
    String name = resolve(MetricName.class, identifier).name();
    if (identifier instanceof String && name.equals("accuracy")) {
      return ((String) identifier).toLowerCase(Locale.ROOT);
    }
    return name;
  }

  private synchronized List<String> identifiers(Class<?> kind) {
    return new ArrayList<>(shown.getOrDefault(kind, java.util.Set.of()));
  }

  private static String article(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private static String noun(Class<?> kind) {
    if (kind == MetricName.class) {
      return "metric";
    }
    if (kind == ActivationFunction.class) {
      return "activation";
    }
    return kind.getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** Keras's snake_case of a class name: {@code BinaryCrossentropy} to {@code binary_crossentropy}. */
  static String snakeCase(String className) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < className.length(); i++) {
      char c = className.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(className.charAt(i - 1))) {
        b.append('_');
      }
      b.append(Character.toLowerCase(c));
    }
    return b.toString();
  }

  /** A metric as compile names it; metrics are resolved against the data when fit starts. */
  static final class MetricName {
    private final String name;

    private MetricName(String name) {
      this.name = name;
    }

    static Factory<MetricName> of(String name) {
      MetricName metric = new MetricName(name);
      return (c, r) -> metric;
    }

    String name() {
      return name;
    }
  }
}
