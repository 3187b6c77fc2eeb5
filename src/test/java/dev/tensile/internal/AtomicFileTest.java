package dev.tensile.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Disk steps whose stream fails after {@code limit} bytes as a full disk does. */
  private static AtomicFile.Steps diskFullAfter(int limit) {
    return new AtomicFile.Steps() {
      @Override
      OutputStream wrap(OutputStream out) {
        return new FilterOutputStream(out) {
          private int written;

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
              throw new IOException("No space left on device");
            }
            written += len;
            out.write(b, off, len);
          }
        };
      }
    };
  }

  @Test
  void writesANewFile() throws IOException {
    Path file = dir.resolve("new.bin");
    AtomicFile.write(file, out -> out.write(new byte[] {1, 2, 3}));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    assertEquals(List.of("new.bin"), names());
  }

  @Test
  void replacesAnExistingFileWhole() throws IOException {
    Path file = dir.resolve("history.csv");
    Files.writeString(file, "a much longer previous content than the new one\n");
    AtomicFile.writeString(file, "épique\n");
    assertEquals("épique\n", Files.readString(file));
    assertEquals(List.of("history.csv"), names());
  }

  @Test
  void aNewFileGetsTheSamePermissionsAsAnOrdinaryWrite() throws IOException {
    assumePosix();
    Path ordinary = dir.resolve("ordinary");
    Files.newOutputStream(ordinary).close();
    Path atomic = dir.resolve("atomic");
    AtomicFile.writeString(atomic, "x");
    assertEquals(
        PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)));
    assertTrue(
        Files.getPosixFilePermissions(atomic).contains(PosixFilePermission.OWNER_WRITE),
        "not the owner-only mode of Files.createTempFile");
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    assumePosix();
    Path file = dir.resolve("private.csv");
    Files.writeString(file, "old");
    Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(file, chosen);
    AtomicFile.writeString(file, "new");
    assertEquals(chosen, Files.getPosixFilePermissions(file));
  }

  @Test
  void aFullDiskNamesTheTargetAndLeavesThePreviousFile() throws IOException {
    Path file = dir.resolve("model.bin");
    Files.write(file, new byte[] {42});
    IOException e =
        assertThrows(
            IOException.class,
            () -> AtomicFile.write(file, out -> out.write(new byte[1 << 20]), diskFullAfter(1000)));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertArrayEquals(new byte[] {42}, Files.readAllBytes(file));
    assertEquals(List.of("model.bin"), names());
  }

  @Test
  void aFullDiskAtTheFinalFlushNamesTheTarget() throws IOException {
    Path file = dir.resolve("small.bin");
    // 10 bytes stay in the buffer until commit flushes them.
    IOException e =
        assertThrows(
            IOException.class,
            () -> AtomicFile.write(file, out -> out.write(new byte[10]), diskFullAfter(5)));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertEquals(List.of(), names());
  }

  @Test
  void aFailedSyncOrRenameNamesTheTargetAndLeavesNothing() throws IOException {
    Path file = dir.resolve("synced.bin");
    Files.write(file, new byte[] {7});
    AtomicFile.Steps failingSync =
        new AtomicFile.Steps() {
          @Override
          void force(FileChannel channel) throws IOException {
            throw new IOException("Input/output error");
          }
        };
    AtomicFile.Steps failingMove =
        new AtomicFile.Steps() {
          @Override
          void move(Path from, Path to) throws IOException {
            throw new java.nio.file.AccessDeniedException(from.toString());
          }
        };
    for (AtomicFile.Steps steps : List.of(failingSync, failingMove)) {
      IOException e =
          assertThrows(
              IOException.class, () -> AtomicFile.write(file, out -> out.write(1), steps));
      assertTrue(e.getMessage().startsWith("writing " + file + " failed: "), e.getMessage());
      assertArrayEquals(new byte[] {7}, Files.readAllBytes(file));
      assertEquals(List.of("synced.bin"), names());
    }
  }

  @Test
  void theCallersOwnFailurePassesThroughUnchanged() throws IOException {
    Path file = dir.resolve("keep.idx");
    Files.write(file, new byte[] {42});
    IOException mine = new IOException("the encoder gave up");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFile.write(
                    file,
                    out -> {
                      out.write(new byte[100]);
                      throw mine;
                    }));
    assertSame(mine, e);
    assertArrayEquals(new byte[] {42}, Files.readAllBytes(file));
    assertEquals(List.of("keep.idx"), names());
    RuntimeException bug = new IllegalStateException("a bug in the caller");
    assertSame(
        bug,
        assertThrows(RuntimeException.class, () -> AtomicFile.write(file, out -> {
          throw bug;
        })));
    assertEquals(List.of("keep.idx"), names());
  }

  @Test
  void aWriteThatIsNotCommittedLeavesNothing() throws IOException {
    Path file = dir.resolve("download.gz");
    try (AtomicFile pending = AtomicFile.begin(file)) {
      Files.write(pending.tempFile(), new byte[] {1});
      assertEquals(dir, pending.tempFile().getParent());
      assertTrue(pending.tempFile().getFileName().toString().startsWith(".download.gz."));
    }
    assertEquals(List.of(), names());
  }

  @Test
  void aCommittedTempFileWrittenByPathReplacesTheTarget() throws IOException {
    Path file = dir.resolve("download.gz");
    try (AtomicFile pending = AtomicFile.begin(file)) {
      Files.write(pending.tempFile(), new byte[] {5, 6});
      pending.commit();
      assertThrows(IllegalStateException.class, pending::commit);
    }
    assertArrayEquals(new byte[] {5, 6}, Files.readAllBytes(file));
    assertEquals(List.of("download.gz"), names());
  }

  @Test
  void abandonedTemporaryFilesOfTheSameTargetAreCleanedUp() throws IOException {
    Instant old = Instant.now().minus(AtomicFile.STALE_AFTER).minusSeconds(60);
    List<String> stale =
        List.of(".model.keras.0123456789abcdef.tmp", ".model.keras.5f3a.tmp");
    for (String name : stale) {
      Files.write(dir.resolve(name), new byte[1000]);
      Files.setLastModifiedTime(dir.resolve(name), FileTime.from(old));
    }
    // Not ours, or not ours to judge yet: another target's, someone else's name, a fresh one.
    List<String> kept =
        List.of(
            ".other.keras.0123456789abcdef.tmp",
            ".model.keras.notours.tmp",
            "model.keras.0123456789abcdef.tmp",
            ".model.keras.fedcba9876543210.tmp");
    for (String name : kept) {
      Files.write(dir.resolve(name), new byte[1]);
      if (!name.startsWith(".model.keras.fedcba")) {
        Files.setLastModifiedTime(dir.resolve(name), FileTime.from(old));
      }
    }
    AtomicFile.writeString(dir.resolve("model.keras"), "saved");
    List<String> expected = new java.util.ArrayList<>(kept);
    expected.add("model.keras");
    assertEquals(expected.stream().sorted().toList(), names());
  }

  @Test
  void namesWithGlobCharactersAreCleanedUpToo() throws IOException {
    String name = "run[1]{a,b}*.csv";
    Path stale = dir.resolve("." + name + ".00000000000000aa.tmp");
    Files.write(stale, new byte[1]);
    Files.setLastModifiedTime(
        stale, FileTime.from(Instant.now().minus(AtomicFile.STALE_AFTER).minusSeconds(60)));
    AtomicFile.writeString(dir.resolve(name), "x");
    assertEquals(List.of(name), names());
  }

  @Test
  void badTargetsAreRefusedWithTheirName() throws IOException {
    IOException directory =
        assertThrows(IOException.class, () -> AtomicFile.writeString(dir, "x"));
    assertTrue(directory.getMessage().contains("is a directory"), directory.getMessage());
    Path orphan = dir.resolve("missing").resolve("file.csv");
    IOException noParent =
        assertThrows(IOException.class, () -> AtomicFile.writeString(orphan, "x"));
    assertTrue(noParent.getMessage().contains(orphan.toString()), noParent.getMessage());
    assertTrue(noParent.getMessage().contains("does not exist"), noParent.getMessage());
    assertFalse(Files.exists(orphan.getParent()));
  }

  @Test
  void anUnwritableDirectoryNamesTheTarget() throws IOException {
    assumePosix();
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    try {
      assumeTrue(!Files.isWritable(locked), "running as a user who can write anywhere");
      Path file = locked.resolve("out.csv");
      IOException e = assertThrows(IOException.class, () -> AtomicFile.writeString(file, "x"));
      assertTrue(e.getMessage().startsWith("cannot write " + file), e.getMessage());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private void assumePosix() {
    assumeTrue(
        Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
        "the file system has no POSIX permissions");
  }

  @Test
  void aWrappedStreamCanInjectAFailure() throws IOException {
    Path file = dir.resolve("model.keras");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFile.write(
                    file,
                    out ->
                        new FilterOutputStream(out) {
                          @Override
                          public void write(byte[] b, int off, int len) throws IOException {
                            throw new IOException("injected");
                          }
                        },
                    out -> out.write(new byte[1 << 17])));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().endsWith("injected"), e.getMessage());
    assertEquals(List.of(), names());
  }

  /** A stream that throws {@code failure} on every write, as a caller's broken encoder might. */
  private static UnaryOperator<OutputStream> throwing(Supplier<? extends Throwable> failure) {
    return out ->
        new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            sneak(failure.get());
          }
        };
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneak(Throwable t) throws T {
    throw (T) t;
  }

  @Test
  void anUncheckedFailureOfTheStreamMidWriteDeletesTheTemporaryFile() throws IOException {
    Path file = dir.resolve("model.keras");
    Files.write(file, new byte[] {9});
    List<Supplier<? extends Throwable>> failures =
        List.of(
            () -> new IllegalStateException("crash"),
            () -> new OutOfMemoryError("injected"),
            () -> new IOException("disk gone"));
    for (Supplier<? extends Throwable> failure : failures) {
      // Small content fails only when the buffer is flushed by the commit; large content fails
      // while the body writes, and again when the discarded buffer is flushed.
      for (int size : new int[] {10, 1 << 17}) {
        Throwable e =
            assertThrows(
                Throwable.class,
                () -> AtomicFile.write(file, throwing(failure), out -> out.write(new byte[size])));
        Throwable expected = failure.get();
        Throwable seen = e instanceof IOException && e.getCause() != null ? e.getCause() : e;
        assertEquals(expected.getClass(), seen.getClass(), e.toString());
        assertEquals(expected.getMessage(), seen.getMessage());
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(file));
        assertEquals(List.of("model.keras"), names(), e + " at size " + size);
      }
    }
  }

  @Test
  void theTemporaryFileOfAKilledWriteIsCleanedByTheNextWrite() throws Exception {
    Path file = dir.resolve("model.keras");
    Files.writeString(file, "previous");
    String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p =
        new ProcessBuilder(launcher, "-cp", cp, KilledWrite.class.getName(), file.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(9, p.exitValue());
    List<String> left = names();
    assertEquals(2, left.size(), "the killed write left its temporary file: " + left);
    assertEquals("previous", Files.readString(file));
    Path temp = dir.resolve(left.get(0));
    assertTrue(AtomicFile.tempPattern("model.keras").matcher(left.get(0)).matches(), left.get(0));
    Files.setLastModifiedTime(
        temp, FileTime.from(Instant.now().minus(AtomicFile.STALE_AFTER).minusSeconds(1)));
    AtomicFile.writeString(file, "next");
    assertEquals(List.of("model.keras"), names());
    assertEquals("next", Files.readString(file));
  }
}
