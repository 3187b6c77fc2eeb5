package dev.tensile.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.activations.Activations;
import dev.tensile.config.ConfigException;
import dev.tensile.config.ObjectConfig;
import dev.tensile.initializers.Initializer;
import dev.tensile.initializers.VarianceScaling;
import dev.tensile.layers.Activation;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Layer;
import dev.tensile.losses.BinaryCrossentropy;
import dev.tensile.losses.CategoricalCrossentropy;
import dev.tensile.losses.Loss;
import dev.tensile.losses.SparseCategoricalCrossentropy;
import dev.tensile.optimizers.Adagrad;
import dev.tensile.optimizers.Adam;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.optimizers.RMSprop;
import dev.tensile.optimizers.SGD;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {
  private final Registry registry = Registry.keras();

  @Test
  void compileStringsResolveAsKerasDoes() {
    assertInstanceOf(Adam.class, registry.optimizer("adam"));
    assertInstanceOf(Adam.class, registry.optimizer("Adam"));
    assertInstanceOf(RMSprop.class, registry.optimizer("rmsprop"));
    assertInstanceOf(SGD.class, registry.optimizer("sgd"));
    assertInstanceOf(Adagrad.class, registry.optimizer("adagrad"));
    assertInstanceOf(SparseCategoricalCrossentropy.class,
        registry.loss("sparse_categorical_crossentropy"));
    assertInstanceOf(BinaryCrossentropy.class, registry.loss("bce"));
    assertInstanceOf(CategoricalCrossentropy.class, registry.loss("CategoricalCrossentropy"));
    assertSame(Activations.RELU, registry.activation("relu"));
    assertEquals("accuracy", registry.metric("accuracy"));
    assertEquals("acc", registry.metric("acc"));
    assertEquals("sparse_categorical_accuracy", registry.metric("SparseCategoricalAccuracy"));
    Initializer he = registry.initializer("he_normal");
    assertEquals("he_normal", he.name());
  }

  @Test
  void everyTypeRoundTripsThroughItsDescription() {
    List<Layer> layers = List.of(
        new Dense(7, "tanh").useBias(false).kernelInitializer("lecun_uniform"),
        new Flatten(), new Activation("sigmoid"), new Dropout(0.25, 9));
    for (Layer layer : layers) {
      ObjectConfig config = layer.getConfig();
      Layer again = registry.create(Layer.class, config);
      assertEquals(config.values(), again.getConfig().values(), layer.typeName());
    }
    List<Optimizer> optimizers = List.of(new SGD(0.2).momentum(0.5).nesterov(true),
        new RMSprop(0.01).momentum(0.1).centered(true).rho(0.8), new Adagrad(0.3),
        new Adam(0.002).amsgrad(true).beta1(0.8).clipvalue(2));
    for (Optimizer optimizer : optimizers) {
      ObjectConfig config = optimizer.getConfig();
      assertEquals(config.values(),
          registry.create(Optimizer.class, config).getConfig().values(), config.className());
    }
    Loss loss = new CategoricalCrossentropy(true);
    assertEquals(loss.getConfig().values(),
        registry.create(Loss.class, loss.getConfig()).getConfig().values());
    VarianceScaling custom = new VarianceScaling(3.0, VarianceScaling.Mode.FAN_OUT,
        VarianceScaling.Distribution.UNTRUNCATED_NORMAL, 5L, "mine");
    assertEquals(custom.getConfig().values(),
        registry.create(Initializer.class, custom.getConfig()).getConfig().values());
  }

  @Test
  void unknownAndNullIdentifiersListTheKnownOnes() {
    ConfigException e = assertThrows(ConfigException.class, () -> registry.optimizer("lion"));
    assertEquals("unknown optimizer 'lion': expected one of sgd, rmsprop, adagrad, adam",
        e.getMessage());
    e = assertThrows(ConfigException.class, () -> registry.activation(null));
    assertTrue(e.getMessage().contains("got null; known: linear, relu, sigmoid, tanh, softmax"),
        e.getMessage());
    assertThrows(ConfigException.class, () -> registry.resolve(null, "adam"));
    assertThrows(IllegalArgumentException.class,
        () -> registry.register(Layer.class, "Dense", Dense::fromConfig));
    assertThrows(IllegalArgumentException.class, () -> registry.register(null, "X", null));
    assertEquals(List.of("Dense", "Flatten", "Activation", "Dropout", "Conv2D", "MaxPooling2D",
        "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D", "Reshape",
        "BatchNormalization"), registry.classNames(Layer.class));
  }
}
