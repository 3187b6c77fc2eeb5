package dev.tensile.saving;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Collects the entries of a model file in memory, then writes them as a zip archive with every
 * entry stored uncompressed (as Keras's {@code .keras} files are), in the order they were added.
 */
final class ArchiveWriter {
  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private final long time;

  /**
   * Starts an empty archive.
   *
   * @param time the modification time given to every entry, in milliseconds since the epoch
   */
  ArchiveWriter(long time) {
    this.time = time;
  }

  /** Adds an entry; names are unique. */
  void add(String name, byte[] bytes) {
    if (entries.putIfAbsent(name, bytes) != null) {
      throw new IllegalStateException("entry '" + name + "' is written twice");
    }
  }

  /** Adds a JSON entry, pretty-printed in UTF-8. */
  void add(String name, JsonObject json) {
    String text =
        new GsonBuilder()
                .setPrettyPrinting()
                .serializeNulls()
                .disableHtmlEscaping()
                .create()
                .toJson(json)
            + "\n";
    add(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the archive; the stream is finished but not closed.
   *
   * @param out where the zip goes
   * @throws IOException if the stream fails
   */
  void writeTo(OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setMethod(ZipOutputStream.STORED);
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      byte[] bytes = e.getValue();
      CRC32 crc = new CRC32();
      crc.update(bytes);
      ZipEntry entry = new ZipEntry(e.getKey());
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(bytes.length);
      entry.setCompressedSize(bytes.length);
      entry.setCrc(crc.getValue());
      entry.setTime(time);
      zip.putNextEntry(entry);
      zip.write(bytes);
      zip.closeEntry();
    }
    zip.finish();
  }
}
