package dev.tensile.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.callbacks.History;
import dev.tensile.layers.Dense;
import dev.tensile.layers.Dropout;
import dev.tensile.layers.Input;
import dev.tensile.losses.Loss;
import dev.tensile.metrics.Metric;
import dev.tensile.optimizers.Adam;
import dev.tensile.optimizers.Optimizer;
import dev.tensile.tensor.Tensor;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Careless use of a model fails at once with a message that says what to do. */
class MisuseTest {
  private static final Tensor X = Tensor.of(new float[] {0, 1, 1, 0, 1, 1, 0, 0}, 4, 2);
  private static final Tensor Y = Tensor.ofLabels(new int[] {0, 1, 1, 0});

  private static void failsWith(Class<? extends Throwable> type, Executable call, String... parts) {
    Throwable e = assertThrows(type, call);
    for (String p : parts) {
      assertTrue(e.getMessage() != null && e.getMessage().contains(p),
          "message '" + e.getMessage() + "' lacks '" + p + "'");
    }
  }

  @Test
  void aLayerBelongsToOneModelFromTheMomentItIsAdded() {
    Dense shared = new Dense(3, "relu");
    Sequential first = new Sequential(shared).name("first");
    failsWith(IllegalArgumentException.class, () -> new Sequential(shared).name("second"),
        "already belongs to model 'first'", "make a new layer");
    // Built or not, with an input or not: the second model never gets it.
    Sequential second = new Sequential(new Input(5));
    failsWith(IllegalArgumentException.class, () -> second.add(shared), "already belongs");
    assertEquals(0, second.layers().size());
    first.build(2);
    assertEquals(3, first.outputShape()[0]);
  }

  @Test
  void aRefusedLayerLeavesTheModelAsItWasAndStaysFree() {
    Sequential model = new Sequential(new Input(2), new Dense(3));
    Dense badName = new Dense(2);
    badName.name(model.layers().get(0).name());
    failsWith(IllegalArgumentException.class, () -> model.add(badName), "unique names");
    assertEquals(1, model.layers().size());
    // The refused layer is still free for another model.
    new Sequential(new Input(2), badName);
  }

  @Test
  void addingALayerAfterFitAsksForCompileAgainAndWorksAfterIt() {
    Sequential model = new Sequential(new Input(2), new Dense(2, "softmax"));
    model.compile("adam", "sparse_categorical_crossentropy");
    model.fit(X, Y, new FitOptions().verbose(0));
    model.add(new Dense(2, "softmax").name("head"));
    failsWith(IllegalStateException.class, () -> model.fit(X, Y, new FitOptions().verbose(0)),
        "layer 'head' was added", "after compile()", "call compile() again");
    failsWith(IllegalStateException.class, () -> model.evaluate(X, Y), "call compile() again");
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    History h = model.fit(X, Y, new FitOptions().epochs(2).verbose(0));
    assertEquals(2, h.get("loss").size());
    assertEquals(2, model.predict(X).dim(1));
  }

  @Test
  void anOptimizerServesOneModel() {
    Adam shared = new Adam();
    Sequential first = new Sequential(new Input(2), new Dense(2, "softmax"));
    Sequential second = new Sequential(new Input(2), new Dense(2, "softmax"));
    first.compile(shared, "sparse_categorical_crossentropy");
    second.compile(shared, "sparse_categorical_crossentropy");
    first.fit(X, Y, new FitOptions().verbose(0));
    failsWith(IllegalStateException.class, () -> second.fit(X, Y, new FitOptions().verbose(0)),
        "give each model its own optimizer");
    assertEquals(1, shared.iterations());
  }

  @Test
  void dropoutRateOneIsRefused() {
    failsWith(IllegalArgumentException.class, () -> new Dropout(1.0), "[0, 1)", "1.0", "nothing before it");
    failsWith(IllegalArgumentException.class, () -> new Dropout(1.0, 7), "[0, 1)");
    assertEquals(0.999f, new Dropout(0.999).rate());
  }

  @Test
  void nullArgumentsAreNamed() {
    Sequential model = new Sequential(new Input(2), new Dense(2, "softmax"));
    failsWith(IllegalArgumentException.class, () -> model.add((Dense) null), "null layer");
    failsWith(IllegalArgumentException.class, () -> model.add((Input) null), "null input");
    failsWith(IllegalArgumentException.class, () -> new Sequential((Dense[]) null), "layers");
    failsWith(IllegalArgumentException.class,
        () -> model.compile((String) null, "binary_crossentropy"), "optimizer name");
    failsWith(IllegalArgumentException.class, () -> model.compile("sgd", (String) null),
        "loss name");
    failsWith(IllegalArgumentException.class,
        () -> model.compile((Optimizer) null, (Loss) null), "optimizer");
    failsWith(IllegalArgumentException.class,
        () -> model.compile("sgd", "sparse_categorical_crossentropy", (String) null),
        "metrics must not be null");
    failsWith(IllegalArgumentException.class,
        () -> model.compile("sgd", "sparse_categorical_crossentropy", (Metric) null),
        "metrics must not be null");
    model.compile("sgd", "sparse_categorical_crossentropy");
    failsWith(IllegalArgumentException.class, () -> model.fit(X, Y, null), "options");
    failsWith(IllegalArgumentException.class, () -> model.evaluate(X, Y, null), "options");
    failsWith(IllegalArgumentException.class, () -> model.predict(X, null), "options");
    failsWith(IllegalArgumentException.class, () -> model.fit(null, Y), "x");
    failsWith(IllegalArgumentException.class, () -> model.fit(X, null), "targets y");
    failsWith(IllegalArgumentException.class, () -> model.predict(null), "x");
    failsWith(IllegalArgumentException.class, () -> model.build((int[]) null), "shape");
    failsWith(IllegalArgumentException.class, () -> model.setWeights(null), "weights");
    failsWith(IllegalArgumentException.class, () -> model.summary((PrintStream) null), "out");
    failsWith(IllegalArgumentException.class, () -> model.save((Path) null), "path");
    failsWith(IllegalArgumentException.class, () -> model.saveWeights((Path) null), "path");
    failsWith(IllegalArgumentException.class, () -> model.loadWeights((Path) null), "path");
    failsWith(IllegalArgumentException.class, () -> Sequential.load((Path) null), "path");
    failsWith(IllegalArgumentException.class, () -> new Dense(2).kernelInitializer((String) null),
        "kernelInitializer");
    failsWith(IllegalArgumentException.class,
        () -> new FitOptions().callbacks((dev.tensile.callbacks.Callback[]) null), "callbacks");
    failsWith(IllegalArgumentException.class, () -> new FitOptions().addCallback(null),
        "callback");
    failsWith(IllegalArgumentException.class, () -> new FitOptions().verbose((Verbosity) null),
        "verbose");
    failsWith(IllegalArgumentException.class, () -> new FitOptions().output(null), "output");
  }
}
