package dev.tensile.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tensile.layers.Dropout;
import dev.tensile.models.Sequential;
import dev.tensile.tensor.Shapes;
import dev.tensile.tensor.Variable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file's entries, their order and their bytes are the documented, NumPy-readable layout. */
class FileLayoutTest {
  @TempDir Path dir;

  @Test
  void aModelFileHoldsMetadataConfigAndOneNpyEntryPerVariable() throws IOException {
    Sequential model = Fixtures.trainedModel();
    Map<String, byte[]> entries = savedEntries(model);

    List<String> expected = new ArrayList<>(List.of("metadata.json", "config.json"));
    expected.addAll(
        List.of(
            "layers/dense/vars/0.npy",
            "layers/dense/vars/1.npy",
            "layers/dense_1/vars/0.npy",
            "layers/dense_1/vars/1.npy",
            "layers/dropout/seed_generator/vars/0.npy"));
    for (int i = 0; i < 2 + 4 * 2; i++) {
      expected.add("optimizer/vars/" + i + ".npy");
    }
    assertEquals(expected, new ArrayList<>(entries.keySet()));
    try (ZipFile zip = new ZipFile(dir.resolve("model.tensile").toFile())) {
      for (String name : expected) {
        assertEquals(ZipEntry.STORED, zip.getEntry(name).getMethod(), name);
      }
    }

    List<Variable> vars = model.variables();
    for (int i = 0; i < vars.size(); i++) {
      String name = "layers/" + (i < 2 ? "dense" : "dense_1") + "/vars/" + (i % 2) + ".npy";
      assertFloatEntry(entries.get(name), vars.get(i).shape(), vars.get(i).value());
    }
    // Adam's slots, interleaved as Keras stores them: m(w0), v(w0), m(w1), v(w1), ...
    List<float[]> slots = model.optimizer().slotValues();
    for (int k = 0; k < slots.size(); k++) {
      byte[] entry = entries.get("optimizer/vars/" + (2 + k) + ".npy");
      assertFloatEntry(entry, vars.get(k / 2).shape(), slots.get(k));
    }
    byte[] iterations = entries.get("optimizer/vars/0.npy");
    NpyTest.assertStandardNpy(iterations, "<i8", "()", 8);
    assertEquals(model.optimizer().iterations(), Npy.decode(iterations).longs()[0]);
    byte[] learningRate = entries.get("optimizer/vars/1.npy");
    NpyTest.assertStandardNpy(learningRate, "<f4", "()", 4);
    assertEquals(0.001f, Npy.decode(learningRate).floats()[0]);
    byte[] generator = entries.get("layers/dropout/seed_generator/vars/0.npy");
    NpyTest.assertStandardNpy(generator, "<i8", "()", 8);
    assertEquals(
        ((Dropout) model.layers().get(1)).generatorState(), Npy.decode(generator).longs()[0]);
  }

  @Test
  void jsonEntriesUseKerasNames() throws IOException {
    Sequential model = Fixtures.trainedModel();
    Map<String, byte[]> entries = savedEntries(model);

    JsonObject metadata = json(entries.get("metadata.json"));
    assertEquals("tensile", metadata.get("format").getAsString());
    assertEquals(1, metadata.get("format_version").getAsInt());
    assertEquals("model", metadata.get("content").getAsString());
    assertTrue(metadata.has("tensile_version"));
    assertTrue(
        metadata
            .get("date_saved")
            .getAsString()
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

    JsonObject config = json(entries.get("config.json"));
    assertEquals("Sequential", config.get("class_name").getAsString());
    JsonObject dense =
        config.getAsJsonObject("config").getAsJsonArray("layers").get(0).getAsJsonObject();
    assertEquals("Dense", dense.get("class_name").getAsString());
    JsonObject denseConfig = dense.getAsJsonObject("config");
    assertEquals("relu", denseConfig.get("activation").getAsString());
    assertEquals(8, denseConfig.get("units").getAsInt());
    assertEquals(true, denseConfig.get("use_bias").getAsBoolean());
    assertEquals(
        "glorot_uniform",
        denseConfig
            .getAsJsonObject("kernel_initializer")
            .getAsJsonObject("config")
            .get("name")
            .getAsString());
    JsonObject optimizer = config.getAsJsonObject("compile_config").getAsJsonObject("optimizer");
    assertEquals("Adam", optimizer.get("class_name").getAsString());
    JsonObject adam = optimizer.getAsJsonObject("config");
    for (String key :
        List.of(
            "learning_rate",
            "beta_1",
            "beta_2",
            "epsilon",
            "amsgrad",
            "clipnorm",
            "clipvalue",
            "global_clipnorm")) {
      assertTrue(adam.has(key), key);
    }
    assertTrue(adam.get("clipnorm").isJsonNull());
    assertEquals("0.999", adam.get("beta_2").toString());
  }

  @Test
  void aWeightsFileHoldsMetadataAndWeightsOnly() throws IOException {
    Sequential model = Fixtures.trainedModel();
    Path file = dir.resolve("model.weights.tensile");
    model.saveWeights(file);
    Map<String, byte[]> entries = Fixtures.entries(file);
    assertEquals(
        List.of(
            "metadata.json",
            "layers/dense/vars/0.npy",
            "layers/dense/vars/1.npy",
            "layers/dense_1/vars/0.npy",
            "layers/dense_1/vars/1.npy"),
        new ArrayList<>(entries.keySet()));
    JsonObject metadata = json(entries.get("metadata.json"));
    assertEquals("weights", metadata.get("content").getAsString());
    assertEquals("[\"dense\",\"dropout\",\"dense_1\"]", metadata.get("layers").toString());
  }

  private Map<String, byte[]> savedEntries(Sequential model) throws IOException {
    Path file = dir.resolve("model.tensile");
    model.save(file);
    return Fixtures.entries(file);
  }

  private static void assertFloatEntry(byte[] entry, int[] shape, float[] values) {
    NpyTest.assertStandardNpy(entry, "<f4", Shapes.format(shape), values.length * 4);
    assertArrayEquals(values, Npy.decode(entry).floats());
  }

  private static JsonObject json(byte[] bytes) {
    return JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
  }
}
