package dev.tensile.saving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The zip archive of a {@code .keras} file: {@code metadata.json}, {@code config.json} and {@code
 * model.weights.h5}, stored uncompressed as Keras stores them. Reading checks every entry's name
 * (no absolute paths, no {@code ..}), refuses an entry whose inflated size exceeds its limit before
 * reading it, stops reading once an entry yields more than its directory claims, and checks the
 * CRC-32.
 */
final class KerasArchive implements AutoCloseable {
  /** Keras's entry names. */
  static final String METADATA = "metadata.json";

  static final String CONFIG = "config.json";
  static final String WEIGHTS = "model.weights.h5";

  /** The largest {@code metadata.json} read: 1 MiB. */
  static final long MAX_METADATA_BYTES = 1L << 20;

  /** The largest {@code config.json} read: 16 MiB. */
  static final long MAX_CONFIG_BYTES = 16L << 20;

  /** The largest {@code model.weights.h5} read: 1 GiB. */
  static final long MAX_WEIGHTS_BYTES = 1L << 30;

  private final Path file;
  private final ZipFile zip;

  private KerasArchive(Path file, ZipFile zip) {
    this.file = file;
    this.zip = zip;
  }

  /**
   * Opens a {@code .keras} file and checks its entry names.
   *
   * @param file the file
   * @return the archive; close it
   * @throws ModelFormatException if it is not a readable zip or an entry name could escape
   * @throws IOException if reading fails
   */
  static KerasArchive open(Path file) throws IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
    } catch (ZipException e) {
      throw new ModelFormatException(
          file, "not a .keras file: it is not a readable zip archive (" + e.getMessage()
              + "); it may be truncated or of another kind", e);
    }
    KerasArchive archive = new KerasArchive(file, zip);
    try {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (!safe(name)) {
          throw new ModelFormatException(
              file, "entry '" + name + "' has an unsafe name (absolute, or with '..' or '\\'); "
                  + "a .keras archive holds relative names only");
        }
      }
      return archive;
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  /** Tells whether an entry name stays inside the archive's root when extracted. */
  static boolean safe(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf(':') >= 0
        || name.chars().anyMatch(Character::isISOControl)) {
      return false;
    }
    for (String part : name.split("/", -1)) {
      if (part.equals("..") || part.equals(".")) {
        return false;
      }
    }
    return true;
  }

  /** Tells whether the archive has an entry. */
  boolean has(String name) {
    return zip.getEntry(name) != null;
  }

  /**
   * Reads an entry, bounded by a limit.
   *
   * @param name the entry
   * @param limit the most bytes it may inflate to
   * @return its bytes
   * @throws ModelFormatException if it is missing, larger than the limit, or corrupt
   * @throws IOException if reading fails
   */
  byte[] read(String name, long limit) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new ModelFormatException(
          file, "entry '" + name + "' is missing; a .keras file holds " + METADATA + ", "
              + CONFIG + " and " + WEIGHTS);
    }
    long claimed = entry.getSize();
    if (claimed > limit) {
      throw new ModelFormatException(
          file, "entry '" + name + "' inflates to " + claimed + " bytes, more than the "
              + limit + " bytes Tensile reads for it");
    }
    int cap = (int) Math.min(limit, claimed < 0 ? limit : claimed);
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, 1 << 16));
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = zip.getInputStream(entry)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + (long) n > cap) {
          throw new ModelFormatException(
              file, "entry '" + name + "' inflates to more than the " + cap
                  + " bytes its zip directory claims");
        }
        out.write(buffer, 0, n);
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new ModelFormatException(
          file, "entry '" + name + "' is corrupt or truncated (" + e.getMessage() + ")", e);
    }
    byte[] bytes = out.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(bytes);
    if ((claimed >= 0 && bytes.length != claimed) || crc.getValue() != entry.getCrc()) {
      throw new ModelFormatException(
          file, "entry '" + name + "' is corrupt: its bytes do not match the zip checksum");
    }
    return bytes;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /**
   * Writes the three entries, stored uncompressed as Keras writes them.
   *
   * @param out where to write; not closed
   * @param time the entries' modification time, milliseconds since the epoch
   * @param metadata {@code metadata.json}'s bytes
   * @param config {@code config.json}'s bytes
   * @param weights {@code model.weights.h5}'s bytes
   * @throws IOException if writing fails
   */
  static void write(OutputStream out, long time, byte[] metadata, byte[] config, byte[] weights)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    store(zip, METADATA, metadata, time);
    store(zip, CONFIG, config, time);
    store(zip, WEIGHTS, weights, time);
    zip.finish();
  }

  private static void store(ZipOutputStream zip, String name, byte[] bytes, long time)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    entry.setCompressedSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    entry.setTime(time);
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }
}
