package dev.tensile.saving;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;

/**
 * A file's {@code metadata.json}: the format's name and version, what the file holds, the library
 * version that wrote it and when. It is read first, so that a file from a newer format version is
 * refused before anything else is interpreted.
 *
 * <pre>{@code
 * {"format": "tensile", "format_version": 1, "content": "model",
 *  "tensile_version": "0.1.0", "date_saved": "2025-01-31T12:00:00Z"}
 * }</pre>
 *
 * <p>A weights file has {@code "content": "weights"} and also {@code "layers"}, the layer names in
 * model order, which says how its {@code layers/NAME/} folders line up with a model's layers.
 */
final class Metadata {
  /** The entry name. */
  static final String ENTRY = "metadata.json";

  /** The format's name. */
  static final String FORMAT = "tensile";

  /** The format version this code writes and the newest it reads. */
  static final int VERSION = 1;

  /** The content of a file from {@code save}. */
  static final String MODEL = "model";

  /** The content of a file from {@code saveWeights}. */
  static final String WEIGHTS = "weights";

  private Metadata() {}

  /**
   * Makes the metadata of a new file.
   *
   * @param content {@link #MODEL} or {@link #WEIGHTS}
   * @param layerNames for a weights file, the layer names in order; null for a model file
   * @param saved the time of saving
   * @return the JSON object
   */
  static JsonObject of(String content, List<String> layerNames, Instant saved) {
    JsonObject json = new JsonObject();
    json.addProperty("format", FORMAT);
    json.addProperty("format_version", VERSION);
    json.addProperty("content", content);
    json.addProperty("tensile_version", libraryVersion());
    json.addProperty("date_saved", saved.truncatedTo(ChronoUnit.SECONDS).toString());
    if (layerNames != null) {
      JsonArray names = new JsonArray();
      layerNames.forEach(names::add);
      json.add("layers", names);
    }
    return json;
  }

  /**
   * Reads and checks a file's metadata.
   *
   * @param archive the file
   * @return the metadata, with a known format and a version this code reads
   * @throws ModelFormatException if the entry is missing or invalid, or the file is of another
   *     format or a newer version
   * @throws IOException if reading fails
   */
  static JsonFields read(ArchiveReader archive) throws IOException {
    if (!archive.has(ENTRY)) {
      throw archive.problem("not a Tensile model file: the zip archive has no " + ENTRY + " entry");
    }
    JsonFields json = archive.json(ENTRY);
    String format = json.string("format");
    if (!format.equals(FORMAT)) {
      throw json.problem("format is '" + format + "', expected '" + FORMAT + "'");
    }
    int version = json.integer("format_version");
    if (version > VERSION) {
      throw archive.problem(
          String.format(
              "it was written by a newer version of Tensile (format %d, this version reads up "
                  + "to %d)",
              version, VERSION));
    }
    if (version < 1) {
      throw json.problem("format_version must be at least 1, got " + version);
    }
    String content = json.string("content");
    if (!content.equals(MODEL) && !content.equals(WEIGHTS)) {
      throw json.problem(
          "content is '" + content + "', expected '" + MODEL + "' or '" + WEIGHTS + "'");
    }
    return json;
  }

  /**
   * Returns the library's version: from the Maven descriptor packed in the jar, else the jar's
   * manifest, else {@code unknown} (when running from unpacked classes).
   */
  private static String libraryVersion() {
    try (InputStream in =
        Metadata.class.getResourceAsStream("/META-INF/maven/dev.tensile/tensile/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String version = Metadata.class.getPackage().getImplementationVersion();
    return version != null ? version : "unknown";
  }
}
