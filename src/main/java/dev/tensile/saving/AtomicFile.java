package dev.tensile.saving;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Replaces a file all at once: the new content goes to a temporary file in the same directory, is
 * forced to the disk, then renamed over the target. A failure at any point before the rename leaves
 * the previous file untouched and deletes the temporary one; after the rename, readers see the
 * complete new file. Where the file system cannot rename atomically the rename falls back to an
 * ordinary replace.
 */
final class AtomicFile {
  private AtomicFile() {}

  /** Writes a file's content to a stream; the stream is closed by the caller. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} atomically.
   *
   * @param target the file to create or replace
   * @param wrap decorates the stream before the content is written: identity in use, a failing
   *     stream in tests
   * @param content writes the bytes
   * @throws IOException if writing fails; the previous file, if any, is unchanged then
   */
  static void write(Path target, UnaryOperator<OutputStream> wrap, Content content)
      throws IOException {
    Path absolute = target.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new IOException("cannot save to " + target + ": it is a directory");
    }
    Path dir = absolute.getParent();
    Path temp = createTemp(dir, absolute.getFileName().toString());
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out =
              wrap.apply(new BufferedOutputStream(Channels.newOutputStream(channel)))) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      move(temp, absolute);
    } catch (Throwable e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    syncDirectory(dir);
  }

  /**
   * Makes {@code .NAME.RANDOM.tmp} with the default permissions ({@code Files.createTempFile} would
   * make it readable by its owner only, and the rename would keep that).
   */
  private static Path createTemp(Path dir, String name) throws IOException {
    while (true) {
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
      try {
        return Files.createFile(dir.resolve("." + name + "." + suffix + ".tmp"));
      } catch (FileAlreadyExistsException e) {
        // a rare collision of random suffixes: try another
      }
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes the rename itself durable where the platform allows syncing a directory. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the file is complete and in place regardless.
    }
  }
}
