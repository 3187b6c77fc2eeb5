package dev.tensile.internal;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the previous file or the complete new one, never a
 * part: the bytes go to a temporary file {@code .NAME.<16 hex digits>.tmp} in the target's
 * directory, are forced to the disk, and the temporary file is then renamed over the target. Where
 * the file system cannot rename atomically the rename falls back to an ordinary replace, which
 * most file systems still do in one step but without that guarantee.
 *
 * <ul>
 *   <li>The new file gets the permissions a plain {@link Files#newOutputStream} would give it:
 *       those of the file it replaces, else the defaults of the process (the umask, typically
 *       {@code rw-r--r--}); not the owner-only permissions of {@link Files#createTempFile}.
 *   <li>Any failure, including a full disk, deletes the temporary file, leaves a previous target
 *       untouched and throws an {@link IOException} whose message names the target. Exceptions the
 *       caller's own code throws pass through unchanged.
 *   <li>Temporary files of an earlier write of the same target that was killed before it could
 *       clean up (by {@code kill -9} or a power cut) are deleted when the target is next written,
 *       once nothing has touched them for {@link #STALE_AFTER}.
 * </ul>
 *
 * <p>Most callers need {@link #write(Path, IoConsumer)}. A caller that must check the bytes before
 * they replace the target, as a download does, uses {@link #begin(Path)}, writes {@link #stream()}
 * or {@link #tempFile()}, then calls {@link #commit()}; closing without committing discards the
 * new bytes.
 *
 * <p>Not thread-safe: one instance is one write by one thread. Two writes of the same target race
 * like two renames do: the last one wins, complete.
 */
public final class AtomicFile implements Closeable {
  /** How long a temporary file must lie untouched before a later write takes it as abandoned. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private static final int BUFFER = 1 << 16;

  private final Path target;
  private final Path temp;
  private final Steps steps;
  private FileChannel channel;
  private OutputStream stream;
  private boolean finished;

  /** The steps that touch the disk, replaceable in tests to inject failures. */
  static class Steps {
    /** Makes the channel's content durable. */
    void force(FileChannel channel) throws IOException {
      channel.force(true);
    }

    /** Renames {@code from} over {@code to}, atomically where the file system can. */
    void move(Path from, Path to) throws IOException {
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }

    /** Wraps the stream the content is written to. */
    OutputStream wrap(OutputStream out) {
      return out;
    }
  }

  private static final Steps DISK = new Steps();

  private AtomicFile(Path target, Path temp, Steps steps) {
    this.target = target;
    this.temp = temp;
    this.steps = steps;
  }

  /**
   * Writes {@code target} atomically: {@code body} writes the bytes to a stream, which is then
   * forced to the disk and moved into place.
   *
   * <pre>{@code
   * AtomicFile.write(path, out -> out.write(bytes));
   * }</pre>
   *
   * @param target the file to create or replace; its directory must exist
   * @param body writes the content; it need not close or flush the stream
   * @throws IOException if writing, syncing or renaming fails (the message names {@code target}),
   *     or as {@code body} throws it; the previous file, if any, is unchanged then
   */
  public static void write(Path target, IoConsumer<? super OutputStream> body) throws IOException {
    write(target, body, DISK);
  }

  /**
   * Writes {@code target} atomically as {@link #write(Path, IoConsumer)} does, through a stream
   * decorated by {@code wrap}: a test's way to make the disk fail part-way.
   *
   * @param target the file to create or replace; its directory must exist
   * @param wrap decorates the stream to the temporary file before {@code body} writes to it
   * @param body writes the content; it need not close or flush the stream
   * @throws IOException as {@link #write(Path, IoConsumer)} does
   */
  public static void write(
      Path target, UnaryOperator<OutputStream> wrap, IoConsumer<? super OutputStream> body)
      throws IOException {
    write(
        target,
        body,
        new Steps() {
          @Override
          OutputStream wrap(OutputStream out) {
            return wrap.apply(out);
          }
        });
  }

  /**
   * Writes text to {@code target} atomically, encoded as UTF-8.
   *
   * @param target the file to create or replace; its directory must exist
   * @param text the whole content
   * @throws IOException as {@link #write(Path, IoConsumer)} does
   */
  public static void writeString(Path target, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(target, out -> out.write(bytes));
  }

  static void write(Path target, IoConsumer<? super OutputStream> body, Steps steps)
      throws IOException {
    try (AtomicFile file = begin(target, steps)) {
      body.accept(file.stream());
      file.commit();
    }
  }

  /**
   * Starts writing {@code target}: deletes its abandoned temporary files and creates a new one.
   *
   * @param target the file to create or replace; its directory must exist
   * @return the write in progress; close it (try-with-resources) whether or not it is committed
   * @throws IOException if the temporary file cannot be created; the message names {@code target}
   */
  public static AtomicFile begin(Path target) throws IOException {
    return begin(target, DISK);
  }

  static AtomicFile begin(Path target, Steps steps) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path name = absolute.getFileName();
    if (name == null) {
      throw new IOException("cannot write " + target + ": it names no file");
    }
    if (Files.isDirectory(absolute)) {
      throw new IOException("cannot write " + target + ": it is a directory");
    }
    Path dir = absolute.getParent();
    if (!Files.isDirectory(dir)) {
      throw new IOException("cannot write " + target + ": the directory " + dir + " does not exist");
    }
    deleteAbandoned(dir, name.toString());
    try {
      return new AtomicFile(target, createTemp(dir, name.toString(), absolute), steps);
    } catch (IOException e) {
      throw new TargetException(
          "cannot write " + target + ": cannot create a temporary file in " + dir + ": " + reason(e),
          e);
    }
  }

  /**
   * Returns the stream to write the new content to: buffered, and failing with a message that
   * names the target. Closing it is not needed; {@link #commit()} does.
   *
   * @return the stream to the temporary file
   * @throws IOException if the temporary file cannot be opened
   */
  public OutputStream stream() throws IOException {
    if (stream == null) {
      checkOpen();
      channel = FileChannel.open(temp, StandardOpenOption.WRITE);
      OutputStream raw = steps.wrap(Channels.newOutputStream(channel));
      stream = new BufferedOutputStream(new NamingStream(raw), BUFFER);
    }
    return stream;
  }

  /**
   * Returns the temporary file, for a caller that writes or checks it by path rather than through
   * {@link #stream()}.
   *
   * @return the temporary file in the target's directory
   */
  public Path tempFile() {
    return temp;
  }

  /**
   * Returns the file this write will create or replace.
   *
   * @return the target, as given
   */
  public Path target() {
    return target;
  }

  /**
   * Finishes the write: flushes the stream, forces the temporary file to the disk and renames it
   * over the target.
   *
   * @throws IOException if any step fails (the message names the target); the temporary file is
   *     deleted and the previous target unchanged then
   * @throws IllegalStateException if the write was already committed or closed
   */
  public void commit() throws IOException {
    checkOpen();
    try {
      if (stream == null) {
        channel = FileChannel.open(temp, StandardOpenOption.WRITE);
      } else {
        stream.flush();
      }
      steps.force(channel);
      closeStreams();
      steps.move(temp, target.toAbsolutePath());
    } catch (IOException e) {
      discard(e);
      throw e instanceof TargetException ? e : failure(e);
    } catch (RuntimeException | Error e) {
      discard(e);
      throw e;
    }
    finished = true;
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /**
   * Ends the write: if it was not committed, deletes the temporary file and leaves the target as it
   * was.
   *
   * @throws IOException if the temporary file cannot be deleted; the message names it
   */
  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    // Flushing bytes that are being discarded may fail again as the write itself did (a full disk,
    // a caller's stream that throws); whatever it throws, the temporary file is still deleted.
    Throwable failed = null;
    try {
      closeStreams();
    } catch (IOException | RuntimeException | Error e) {
      failed = e;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      IOException named =
          new TargetException(
              "writing " + target + " was abandoned, but its temporary file " + temp
                  + " could not be deleted: " + reason(e),
              e);
      if (failed != null) {
        named.addSuppressed(failed);
      }
      throw named;
    }
    if (failed instanceof Error) {
      throw (Error) failed;
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("the write of " + target + " is already finished");
    }
  }

  /** Closes the stream and the channel; the channel is closed even if flushing the stream fails. */
  private void closeStreams() throws IOException {
    OutputStream s = stream;
    FileChannel c = channel;
    stream = null;
    channel = null;
    try {
      if (s != null) {
        s.close();
      }
    } finally {
      if (c != null) {
        c.close();
      }
    }
  }

  private void discard(Throwable cause) {
    finished = true;
    try {
      closeStreams();
    } catch (IOException | RuntimeException | Error e) {
      if (e != cause) {
        cause.addSuppressed(e);
      }
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Creates {@code .NAME.<16 hex digits>.tmp} with the permissions the target has, or the process's
   * defaults for a new file ({@code Files.createFile} applies the umask).
   */
  private static Path createTemp(Path dir, String name, Path target) throws IOException {
    while (true) {
      String random =
          String.format(Locale.ROOT, "%016x", ThreadLocalRandom.current().nextLong());
      Path temp = dir.resolve("." + name + "." + random + ".tmp");
      try {
        Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        continue; // a collision of random names: try another
      }
      try {
        copyPermissions(target, temp);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      return temp;
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView source =
        Files.getFileAttributeView(from, PosixFileAttributeView.class);
    PosixFileAttributeView dest = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (source != null && dest != null && Files.exists(from)) {
      dest.setPermissions(source.readAttributes().permissions());
    }
  }

  /** Matches this class's temporary files for a target named {@code name}, and saving's older ones. */
  static Pattern tempPattern(String name) {
    return Pattern.compile("\\." + Pattern.quote(name) + "\\.[0-9a-f]{1,16}\\.tmp");
  }

  /** Deletes temporary files of {@code name} that nothing has written for {@link #STALE_AFTER}. */
  private static void deleteAbandoned(Path dir, String name) {
    Pattern ours = tempPattern(name);
    FileTime cutoff = FileTime.fromMillis(System.currentTimeMillis() - STALE_AFTER.toMillis());
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "." + globSafe(name) + ".*.tmp")) {
      for (Path entry : entries) {
        if (ours.matcher(entry.getFileName().toString()).matches()
            && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
          Files.deleteIfExists(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Cleaning up is a courtesy: an unreadable directory or a vanished file must not stop a write.
    }
  }

  /** Escapes the glob's special characters in a file name. */
  private static String globSafe(String name) {
    return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
  }

  /** Makes the rename itself durable where the platform allows syncing a directory. */
  private static void syncDirectory(Path dir) {
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the file is complete and in place regardless.
    }
  }

  private IOException failure(IOException cause) {
    return new TargetException("writing " + target + " failed: " + reason(cause), cause);
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    // The JDK's file exceptions carry only the path in their message; their type says what failed.
    return message == null ? type : e.getClass() == IOException.class ? message : type + ": " + message;
  }

  /** A failure whose message already names the target. */
  private static final class TargetException extends IOException {
    private static final long serialVersionUID = 1L;

    TargetException(String message, IOException cause) {
      super(message, cause);
    }
  }

  /** Gives every failure of the temporary file's stream a message naming the target. */
  private final class NamingStream extends FilterOutputStream {
    NamingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw failure(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw failure(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw failure(e);
      }
    }
  }
}
