package dev.tensile.saving;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed, checked access to one JSON object of a model file. A missing key or a value of the wrong
 * type fails with a {@link ModelFormatException} that names the file, the entry and the key's path,
 * e.g. {@code config.json: config.layers[1].config.units must be an integer, got "ten"}.
 */
final class JsonFields {
  private final ArchiveReader archive;
  private final String where;
  private final JsonObject object;

  JsonFields(ArchiveReader archive, String where, JsonObject object) {
    this.archive = archive;
    this.where = where;
    this.object = object;
  }

  /** Makes an exception about this object, naming the file and the key path. */
  ModelFormatException problem(String what) {
    return archive.problem(where + ": " + what);
  }

  /** Tells whether the key is present with a non-null value. */
  boolean has(String key) {
    JsonElement e = object.get(key);
    return e != null && !e.isJsonNull();
  }

  JsonFields object(String key) throws ModelFormatException {
    JsonElement e = require(key);
    if (!e.isJsonObject()) {
      throw wrongType(key, "an object", e);
    }
    return new JsonFields(archive, path(key), e.getAsJsonObject());
  }

  /** Returns the objects of an array. */
  List<JsonFields> objects(String key) throws ModelFormatException {
    JsonArray array = array(key);
    List<JsonFields> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonElement e = array.get(i);
      if (!e.isJsonObject()) {
        throw wrongType(key + "[" + i + "]", "an object", e);
      }
      out.add(new JsonFields(archive, path(key) + "[" + i + "]", e.getAsJsonObject()));
    }
    return out;
  }

  /** Returns the strings of an array. */
  List<String> strings(String key) throws ModelFormatException {
    JsonArray array = array(key);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonElement e = array.get(i);
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw wrongType(key + "[" + i + "]", "a string", e);
      }
      out.add(e.getAsString());
    }
    return out;
  }

  /** Returns the integers of an array, or null if the value is null. */
  int[] intsOrNull(String key) throws ModelFormatException {
    if (!has(key)) {
      require(key);
      return null;
    }
    JsonArray array = array(key);
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = exact(key + "[" + i + "]", array.get(i)).intValueExact();
    }
    return out;
  }

  String string(String key) throws ModelFormatException {
    JsonElement e = require(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw wrongType(key, "a string", e);
    }
    return e.getAsString();
  }

  boolean bool(String key) throws ModelFormatException {
    JsonElement e = require(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw wrongType(key, "true or false", e);
    }
    return e.getAsBoolean();
  }

  int integer(String key) throws ModelFormatException {
    try {
      return exact(key, require(key)).intValueExact();
    } catch (ArithmeticException e) {
      throw wrongType(key, "an integer below 2^31", require(key));
    }
  }

  long int64(String key) throws ModelFormatException {
    try {
      return exact(key, require(key)).longValueExact();
    } catch (ArithmeticException e) {
      throw wrongType(key, "a 64-bit integer", require(key));
    }
  }

  /** Returns a finite number, rounded to float32 as the hyperparameters are kept. */
  float float32(String key) throws ModelFormatException {
    float value = (float) float64(key);
    if (!Float.isFinite(value)) {
      throw wrongType(key, "a finite float32 number", require(key));
    }
    return value;
  }

  /** Returns a finite number; the text is parsed with Java's exact decimal conversion. */
  double float64(String key) throws ModelFormatException {
    JsonElement e = require(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw wrongType(key, "a number", e);
    }
    double value = Double.parseDouble(e.getAsString());
    if (!Double.isFinite(value)) {
      throw wrongType(key, "a finite number", e);
    }
    return value;
  }

  /** Returns a float32 number, or NaN if the value is null (as unset clipping is kept). */
  float float32OrNaN(String key) throws ModelFormatException {
    if (!has(key)) {
      require(key);
      return Float.NaN;
    }
    return float32(key);
  }

  private BigDecimal exact(String key, JsonElement e) throws ModelFormatException {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      try {
        BigDecimal value = new BigDecimal(e.getAsString());
        if (value.stripTrailingZeros().scale() <= 0) {
          return value;
        }
      } catch (NumberFormatException notDecimal) {
        // reported below
      }
    }
    throw wrongType(key, "an integer", e);
  }

  private JsonArray array(String key) throws ModelFormatException {
    JsonElement e = require(key);
    if (!e.isJsonArray()) {
      throw wrongType(key, "an array", e);
    }
    return e.getAsJsonArray();
  }

  private JsonElement require(String key) throws ModelFormatException {
    JsonElement e = object.get(key);
    if (e == null) {
      throw archive.problem(path(key) + " is missing");
    }
    return e;
  }

  private ModelFormatException wrongType(String key, String expected, JsonElement got) {
    return archive.problem(
        path(key) + " must be " + expected + ", got " + ArchiveReader.abbreviate(got.toString()));
  }

  private String path(String key) {
    return where + (where.endsWith(".json") ? ": " : ".") + key;
  }
}
