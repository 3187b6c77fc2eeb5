package dev.tensile.saving;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.tensile.tensor.Shapes;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the entries of a model file, checking each: the zip's own checksum, then the JSON syntax or
 * the {@code .npy} header, dtype and shape. Every problem becomes a {@link ModelFormatException}
 * naming the file and the entry.
 */
final class ArchiveReader implements Closeable {
  private final Path file;
  private final ZipFile zip;

  private ArchiveReader(Path file, ZipFile zip) {
    this.file = file;
    this.zip = zip;
  }

  /**
   * Opens a file.
   *
   * @param file the path
   * @return the reader; close it
   * @throws NoSuchFileException if there is no such regular file
   * @throws ModelFormatException if it is not a readable zip archive
   * @throws IOException if reading fails
   */
  static ArchiveReader open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such model file");
    }
    try {
      return new ArchiveReader(file, new ZipFile(file.toFile(), StandardCharsets.UTF_8));
    } catch (ZipException e) {
      throw new ModelFormatException(
          file,
          "not a Tensile model file: it is not a readable zip archive ("
              + e.getMessage()
              + "); the file may be truncated or of another kind",
          e);
    }
  }

  /** Returns the file being read. */
  Path file() {
    return file;
  }

  /** Makes an exception naming this file. */
  ModelFormatException problem(String what) {
    return new ModelFormatException(file, what);
  }

  /** Tells whether the archive has an entry. */
  boolean has(String name) {
    return zip.getEntry(name) != null;
  }

  /** Returns an entry's bytes after checking its size and CRC-32 against the zip directory. */
  byte[] bytes(String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw problem("entry '" + name + "' is missing");
    }
    byte[] bytes;
    try (InputStream in = zip.getInputStream(entry)) {
      bytes = in.readAllBytes();
    } catch (ZipException e) {
      throw new ModelFormatException(
          file, "entry '" + name + "' is corrupt (" + e.getMessage() + ")", e);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    if (bytes.length != entry.getSize() || crc.getValue() != entry.getCrc()) {
      throw problem("entry '" + name + "' is corrupt: its bytes do not match the zip checksum");
    }
    return bytes;
  }

  /** Parses a JSON entry, strictly, as one object. */
  JsonFields json(String name) throws IOException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes(name))).toString();
    } catch (CharacterCodingException e) {
      throw new ModelFormatException(file, name + " is not valid UTF-8 text", e);
    }
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(Strictness.STRICT);
    JsonElement root;
    boolean trailing;
    try {
      root = JsonParser.parseReader(reader);
      trailing = reader.peek() != JsonToken.END_DOCUMENT;
    } catch (JsonParseException | IOException e) {
      // The reader describes where it stopped: "JsonReader at line 3 column 7 path $.config".
      String where = reader.toString().replaceFirst("^JsonReader ", "");
      throw new ModelFormatException(file, name + " is not valid JSON (" + where + ")", e);
    }
    if (trailing) {
      throw problem(name + " is not valid JSON: text follows the top-level value");
    }
    if (!root.isJsonObject()) {
      throw problem(name + " must hold a JSON object, found " + abbreviate(root.toString()));
    }
    return new JsonFields(this, name, root.getAsJsonObject());
  }

  /** Shortens text for a message to at most 60 characters. */
  static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  /** Decodes a {@code .npy} entry. */
  Npy.Array npy(String name) throws IOException {
    try {
      return Npy.decode(bytes(name));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file, "entry '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * Reads a float32 array entry of a given shape.
   *
   * @param name the entry
   * @param expectedShape the shape it must have
   * @param what what the array is, for messages, e.g. {@code weight 'dense/kernel' of model 'm'}
   */
  float[] floats(String name, int[] expectedShape, String what) throws IOException {
    return checked(name, expectedShape, what, Npy.FLOAT32).floats();
  }

  /**
   * Reads an int64 scalar entry.
   *
   * @param name the entry
   * @param what what the value is, for messages
   */
  long int64Scalar(String name, String what) throws IOException {
    return checked(name, new int[0], what, Npy.INT64).longs()[0];
  }

  private Npy.Array checked(String name, int[] expectedShape, String what, String dtype)
      throws IOException {
    Npy.Array array = npy(name);
    if (!array.header().dtype().equals(dtype)) {
      throw problem(
          String.format(
              "entry '%s' has dtype '%s', expected '%s' for %s",
              name, array.header().dtype(), dtype, what));
    }
    if (!Arrays.equals(array.header().shape(), expectedShape)) {
      throw problem(
          String.format(
              "entry '%s' has shape %s, expected %s for %s",
              name, Shapes.format(array.header().shape()), Shapes.format(expectedShape), what));
    }
    return array;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
