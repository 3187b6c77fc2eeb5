package dev.tensile.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectConfigTest {
  private static ObjectConfig parsed(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return ObjectConfig.of("keras.layers", "Dense", map, "config.json: config.layers[1]");
  }

  @Test
  void gettersCheckTypesAndRangesAndNameTheEntry() {
    ObjectConfig c = parsed("units", new BigDecimal("10"), "rate", new BigDecimal("0.5"),
        "name", "dense", "bad", "ten", "frac", new BigDecimal("2.5"));
    assertEquals(10, c.getLong("units", 1, 100));
    assertEquals(0.5, c.getDouble("rate", 0));
    assertEquals(7, c.getInt("absent", 7, 1, 9));
    assertNull(c.getLongOrNull("absent"));
    assertEquals("dense", c.getString("name"));
    assertEquals("config.json: config.layers[1] (Dense): config.bad must be a number, got 'ten'",
        assertThrows(ConfigException.class, () -> c.getLong("bad", 0, 9)).getMessage());
    assertEquals("config.json: config.layers[1] (Dense): config.frac must be a whole number from "
        + "0 to 9, got 2.5",
        assertThrows(ConfigException.class, () -> c.getLong("frac", 0, 9)).getMessage());
    assertEquals("config.json: config.layers[1] (Dense): config.units must be a whole number "
        + "from 1 to 5, got 10",
        assertThrows(ConfigException.class, () -> c.getLong("units", 1, 5)).getMessage());
    assertEquals("config.json: config.layers[1] (Dense): config.missing is missing",
        assertThrows(ConfigException.class, () -> c.getString("missing")).getMessage());
  }

  @Test
  void unsupportedValuesAreRefusedAndDefaultsAccepted() {
    ObjectConfig c = parsed("use_ema", true, "axis", new BigDecimal("-1.0"), "reg", null);
    c.requireDefault("axis", -1);
    c.requireDefault("reg", null);
    c.requireDefault("absent", false);
    assertEquals("config.json: config.layers[1] (Dense): config.use_ema = true is not supported by "
        + "Tensile; it supports false only",
        assertThrows(ConfigException.class, () -> c.requireDefault("use_ema", false))
            .getMessage());
  }

  @Test
  void buildersWriteKerasShapesAndShortestFloats() {
    ObjectConfig c = ObjectConfig.builder("keras.optimizers", "Adam")
        .put("learning_rate", 0.001f)
        .put("shape", new int[] {2, 3})
        .put("nested", ObjectConfig.builder("keras.initializers", "Zeros").build())
        .build();
    assertEquals(0.001, c.values().get("learning_rate"));
    assertEquals(List.of(2, 3), c.values().get("shape"));
    assertEquals("Zeros", c.getObjectOrNull("nested").className());
    assertEquals(List.of("module", "class_name", "config", "registered_name"),
        List.copyOf(c.toMap().keySet()));
    assertThrows(ConfigException.class, () -> ObjectConfig.builder(null, "X"));
    assertThrows(ConfigException.class,
        () -> ObjectConfig.builder("m", "X").put("k", new Object()));
    assertThrows(ConfigException.class, () -> ObjectConfig.of(null, null, Map.of(), "w"));
  }
}
