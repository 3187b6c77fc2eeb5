package dev.tensile.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensile.layers.Dense;
import dev.tensile.layers.Flatten;
import dev.tensile.layers.Input;
import dev.tensile.layers.Names;
import dev.tensile.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code summary()} reproduces Keras 3's table for the tutorial's models, character for character. */
class SummaryTest {

  @BeforeEach
  void freshNames() {
    Names.reset();
  }

  @Test
  void flattenReluSoftmaxModel() {
    Sequential model = new Sequential(
        new Input(28, 28), new Flatten(), new Dense(100, "relu"), new Dense(10, "softmax"));
    String expected = """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ flatten (Flatten)               │ (None, 784)            │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense (Dense)                   │ (None, 100)            │        78,500 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_1 (Dense)                 │ (None, 10)             │         1,010 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 79,510 (310.59 KB)
         Trainable params: 79,510 (310.59 KB)
         Non-trainable params: 0 (0.00 B)
        """;
    assertEquals(expected, model.summaryString());
  }

  @Test
  void softmaxRegression() {
    Sequential model = new Sequential(new Input(784), new Dense(10, "softmax"));
    String expected = """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ dense (Dense)                   │ (None, 10)             │         7,850 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 7,850 (30.66 KB)
         Trainable params: 7,850 (30.66 KB)
         Non-trainable params: 0 (0.00 B)
        """;
    assertEquals(expected, model.summaryString());
  }

  @Test
  void afterFitWithAdamTheOptimizerParamsAreCounted() {
    Sequential model = new Sequential(
        new Input(28, 28), new Flatten(), new Dense(100, "relu"), new Dense(10, "softmax"));
    model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
    model.fit(Tensor.zeros(2, 28, 28), Tensor.ofLabels(new int[] {1, 2}),
        new FitOptions().verbose(0));
    String text = model.summaryString();
    String[] lines = text.split("\n");
    assertEquals(" Total params: 238,532 (931.77 KB)", lines[lines.length - 4]);
    assertEquals(" Trainable params: 79,510 (310.59 KB)", lines[lines.length - 3]);
    assertEquals(" Non-trainable params: 0 (0.00 B)", lines[lines.length - 2]);
    assertEquals(" Optimizer params: 159,022 (621.18 KB)", lines[lines.length - 1]);
  }

  @Test
  void unbuiltLayersShowAQuestionMark() {
    Sequential model = new Sequential(new Dense(10, "softmax"));
    String text = model.summaryString();
    assertEquals(true, text.contains("│ dense (Dense)                   │ ?"), text);
    assertEquals(true, text.contains("0 (unbuilt)"), text);
  }
}
