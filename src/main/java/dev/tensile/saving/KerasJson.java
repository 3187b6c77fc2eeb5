package dev.tensile.saving;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of model files to and from plain values: {@code null}, {@link Boolean}, {@link
 * BigDecimal} numbers, {@link String}, {@link List} and {@link Map}, the values {@link
 * dev.tensile.config.ObjectConfig} holds. Parsing is strict (no comments, no trailing text) and
 * nested at most 64 deep.
 */
final class KerasJson {
  private static final int MAX_DEPTH = 64;

  private KerasJson() {}

  /**
   * Parses one JSON object.
   *
   * @param bytes UTF-8 text, already bounded by the caller
   * @param file the file, for messages
   * @param entry the entry or attribute the text came from, for messages
   * @return the object's members, in order
   * @throws ModelFormatException if the text is not valid UTF-8 JSON holding one object
   */
  static Map<String, Object> parseObject(byte[] bytes, Path file, String entry)
      throws ModelFormatException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ModelFormatException(file, entry + " is not valid UTF-8 text", e);
    }
    return parseObject(text, file, entry);
  }

  /** Parses one JSON object from text; see {@link #parseObject(byte[], Path, String)}. */
  static Map<String, Object> parseObject(String text, Path file, String entry)
      throws ModelFormatException {
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(Strictness.STRICT);
    reader.setNestingLimit(MAX_DEPTH);
    JsonElement root;
    boolean trailing;
    try {
      root = JsonParser.parseReader(reader);
      trailing = reader.peek() != JsonToken.END_DOCUMENT;
    } catch (JsonParseException | IOException | IllegalStateException e) {
      String where = reader.toString().replaceFirst("^JsonReader ", "");
      throw new ModelFormatException(
          file, entry + " is not valid JSON (" + where + "; " + e.getMessage() + ")", e);
    }
    if (trailing) {
      throw new ModelFormatException(file, entry + " is not valid JSON: text follows the value");
    }
    if (!root.isJsonObject()) {
      throw new ModelFormatException(file, entry + " must hold a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value(root);
    return map;
  }

  private static Object value(JsonElement e) {
    if (e.isJsonNull()) {
      return null;
    }
    if (e.isJsonObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
        map.put(m.getKey(), value(m.getValue()));
      }
      return map;
    }
    if (e.isJsonArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonElement x : e.getAsJsonArray()) {
        list.add(value(x));
      }
      return list;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isNumber()) {
      return new BigDecimal(p.getAsString());
    }
    return p.getAsString();
  }

  /**
   * Writes values as JSON text, Keras's way: nulls kept, keys in order.
   *
   * @param value a map, list or plain value
   * @return the text
   */
  static String write(Object value) {
    return new GsonBuilder().serializeNulls().disableHtmlEscaping().create().toJson(tree(value));
  }

  private static JsonElement tree(Object v) {
    if (v == null) {
      return com.google.gson.JsonNull.INSTANCE;
    }
    if (v instanceof Map) {
      JsonObject o = new JsonObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        o.add(String.valueOf(e.getKey()), tree(e.getValue()));
      }
      return o;
    }
    if (v instanceof List) {
      JsonArray a = new JsonArray();
      for (Object x : (List<?>) v) {
        a.add(tree(x));
      }
      return a;
    }
    if (v instanceof Boolean) {
      return new JsonPrimitive((Boolean) v);
    }
    if (v instanceof Number) {
      return new JsonPrimitive((Number) v);
    }
    return new JsonPrimitive(v.toString());
  }
}
