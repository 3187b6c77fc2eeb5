package dev.tensile.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tensile.tensor.Variable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward outputs and the gradients of {@code sum(r * y)} for the inputs and every weight, and
 * batch normalization's moving statistics, against real Keras 3 (made by {@code
 * src/test/python/conv_reference.py}), to 1e-4 relative to {@code max(1, |keras|)}.
 */
class ConvKerasReferenceTest {
  static final double TOLERANCE = 1e-4;

  static Stream<JsonObject> cases() throws IOException {
    JsonArray all = read("layers.json").getAsJsonArray();
    List<JsonObject> out = new ArrayList<>();
    for (JsonElement e : all) {
      out.add(e.getAsJsonObject());
    }
    return out.stream();
  }

  static JsonElement read(String name) throws IOException {
    try (InputStream in = ConvKerasReferenceTest.class.getResourceAsStream(
        "/dev/tensile/conv/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource dev/tensile/conv/" + name);
      }
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesKeras(JsonObject c) {
    String what = c.get("name").getAsString();
    Layer layer = make(c.get("class_name").getAsString(), c.getAsJsonObject("config"));
    int[] shape = ints(c.getAsJsonArray("input_shape"));
    int batch = shape[0];
    layer.build(Arrays.copyOfRange(shape, 1, shape.length));
    int[] outShape = ints(c.getAsJsonArray("output_shape"));
    if (what.contains("winograd")) {
      int expected = what.contains("winograd 4x4") ? 4 : WinogradConvolution.tilingFor(
          outShape[1], outShape[2], WinogradConvolution.LARGE_TILES_FOR_EVEN).size();
      assertEquals(expected, ((Conv2D) layer).winogradTileSize(),
          what + ": computed by Winograd's algorithm, tiles of that size");
    }
    assertArrayEquals(Arrays.copyOfRange(outShape, 1, outShape.length), layer.outputShape(), what);
    List<Variable> trainable = new ArrayList<>();
    List<Variable> fixed = new ArrayList<>();
    for (Variable v : layer.weights()) {
      (v.trainable() ? trainable : fixed).add(v);
    }
    assign(trainable, c.getAsJsonArray("weights"), what);
    assign(fixed, c.getAsJsonArray("non_trainable"), what);
    boolean training = c.get("training").getAsBoolean();
    float[] y = layer.forward(floats(c.getAsJsonArray("x")), batch, training);
    close(what + " y", floats(c.getAsJsonArray("y")), y);
    float[] dx = layer.backward(floats(c.getAsJsonArray("r")), batch);
    close(what + " dx", floats(c.getAsJsonArray("dx")), dx);
    JsonArray dw = c.getAsJsonArray("dw");
    for (int i = 0; i < trainable.size(); i++) {
      close(what + " d" + trainable.get(i).name(), floats(dw.get(i).getAsJsonArray()),
          trainable.get(i).gradient());
    }
    JsonArray after = c.getAsJsonArray("non_trainable_after");
    for (int i = 0; i < fixed.size(); i++) {
      close(what + " " + fixed.get(i).name(), floats(after.get(i).getAsJsonArray()),
          fixed.get(i).value());
    }
  }

  /** Makes the Tensile layer a Keras config describes. */
  static Layer make(String className, JsonObject config) {
    switch (className) {
      case "Conv2D": {
        String activation = config.get("activation").getAsString();
        Conv2D conv = new Conv2D(config.get("filters").getAsInt(),
            ints(config.getAsJsonArray("kernel_size")), activation);
        int[] s = ints(config.getAsJsonArray("strides"));
        int[] d = ints(config.getAsJsonArray("dilation_rate"));
        return conv.strides(s[0], s[1]).dilationRate(d[0], d[1])
            .padding(config.get("padding").getAsString())
            .useBias(config.get("use_bias").getAsBoolean());
      }
      case "MaxPooling2D": {
        int[] s = ints(config.getAsJsonArray("strides"));
        return new MaxPooling2D(ints(config.getAsJsonArray("pool_size"))).strides(s[0], s[1])
            .padding(config.get("padding").getAsString());
      }
      case "AveragePooling2D": {
        int[] s = ints(config.getAsJsonArray("strides"));
        return new AveragePooling2D(ints(config.getAsJsonArray("pool_size")))
            .strides(s[0], s[1]).padding(config.get("padding").getAsString());
      }
      case "GlobalAveragePooling2D":
        return new GlobalAveragePooling2D();
      case "GlobalMaxPooling2D":
        return new GlobalMaxPooling2D();
      case "BatchNormalization":
        return new BatchNormalization()
            .momentum(config.get("momentum").getAsDouble())
            .epsilon(config.get("epsilon").getAsDouble())
            .center(config.get("center").getAsBoolean())
            .scale(config.get("scale").getAsBoolean());
      case "Reshape":
        return new Reshape(ints(config.getAsJsonArray("target_shape")));
      default:
        throw new AssertionError("no Tensile layer for " + className);
    }
  }

  private static void assign(List<Variable> vars, JsonArray values, String what) {
    assertEquals(values.size(), vars.size(), what + ": weight count");
    for (int i = 0; i < vars.size(); i++) {
      float[] v = floats(values.get(i).getAsJsonArray());
      assertEquals(v.length, vars.get(i).size(), what + ": size of " + vars.get(i).name());
      System.arraycopy(v, 0, vars.get(i).value(), 0, v.length);
    }
  }

  static void close(String what, float[] expected, float[] actual) {
    for (int i = 0; i < expected.length; i++) {
      double err = Math.abs(expected[i] - actual[i]);
      if (!(err <= TOLERANCE * Math.max(1.0, Math.abs(expected[i])))) {
        fail(what + "[" + i + "]: Keras " + expected[i] + ", Tensile " + actual[i]);
      }
    }
  }

  static int[] ints(JsonArray a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsInt();
    }
    return out;
  }

  static float[] floats(JsonArray a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsFloat();
    }
    return out;
  }
}
