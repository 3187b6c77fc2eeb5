package dev.tensile.datasets;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the old file or the complete new one: the bytes go to a
 * temporary file in the same directory, which is then renamed over the target. A failure deletes
 * the temporary file.
 */
final class AtomicFiles {
  /** Suffix of temporary files; a directory holding one after a run was interrupted mid-write. */
  static final String TEMP_SUFFIX = ".tmp";

  /** Something that writes a file's bytes. */
  interface Content {
    /**
     * Writes the bytes.
     *
     * @param out where to write; closed by the caller
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} atomically.
   *
   * @param target the file to create or replace
   * @param content writes the bytes
   * @throws IOException if writing or renaming fails; the target is then unchanged
   */
  static void write(Path target, Content content) throws IOException {
    Path temp = createTemp(target);
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        content.writeTo(out);
      }
      moveIntoPlace(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temp, e);
      throw e;
    }
  }

  /**
   * Creates an empty temporary file beside {@code target}, named {@code .<name>.<random>.tmp}.
   *
   * @param target the file that will later replace it
   * @return the new temporary file
   * @throws IOException if it cannot be created
   */
  static Path createTemp(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    while (true) {
      String random = Long.toHexString(ThreadLocalRandom.current().nextLong());
      Path temp = dir.resolve("." + target.getFileName() + "." + random + TEMP_SUFFIX);
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        // try another name
      }
    }
  }

  /**
   * Renames a finished temporary file over the target, atomically where the file system can.
   *
   * @param temp the finished file
   * @param target the file to create or replace
   * @throws IOException if the rename fails
   */
  static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Deletes a temporary file after a failure, recording a failure to delete on the first error.
   *
   * @param temp the file to delete
   * @param cause the failure being handled; gets any deletion error as a suppressed exception
   */
  static void deleteQuietly(Path temp, Throwable cause) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}
