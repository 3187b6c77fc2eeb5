package dev.tensile.internal;

import java.nio.file.Path;

/** Starts writing a file with {@link AtomicFile} and dies mid-write, as {@code kill -9} would. */
final class KilledWrite {
  private KilledWrite() {}

  /**
   * Writes part of {@code args[0]}, then halts the JVM without any cleanup.
   *
   * @param args the target file
   * @throws Exception never: the JVM halts first
   */
  public static void main(String[] args) throws Exception {
    AtomicFile.write(
        Path.of(args[0]),
        out -> {
          out.write(new byte[1 << 20]);
          out.flush();
          Runtime.getRuntime().halt(9);
        });
  }
}
