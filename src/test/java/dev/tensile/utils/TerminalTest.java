package dev.tensile.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void summaryLineLengthIsKerasMinOf88AndColumnsMinus4() {
    assertEquals(76, Terminal.summaryLineLength(80));
    assertEquals(86, Terminal.summaryLineLength(90));
    assertEquals(88, Terminal.summaryLineLength(92));
    assertEquals(88, Terminal.summaryLineLength(250));
    assertEquals(Terminal.summaryLineLength(Terminal.columns()), Terminal.summaryLineLength());
  }

  @Test
  void aNarrowTerminalGetsTheNarrowestTableThatCanBeDrawn() {
    assertEquals(SummaryTable.MIN_LINE_LENGTH, Terminal.summaryLineLength(10));
    SummaryTable.segmentWidths(SummaryTable.MIN_LINE_LENGTH);
  }

  @Test
  void everyCharsetCanEncodeAscii() {
    assertTrue(Terminal.canEncode('='));
  }

  @Test
  void terminalDevicesAreToldFromPipesFilesAndSockets() {
    for (String tty : List.of("/dev/pts/0", "/dev/pts/17", "/dev/tty", "/dev/tty2", "/dev/ttyS0",
        "/dev/console")) {
      assertTrue(Terminal.isTerminalDevice(tty), tty);
    }
    for (String other : List.of("pipe:[48213]", "socket:[99]", "/dev/null", "/tmp/out.txt",
        "/home/me/dev/pts/log", "anon_inode:[eventfd]")) {
      assertFalse(Terminal.isTerminalDevice(other), other);
    }
  }

  /** Runs {@link TerminalProbe} in a JVM of its own through {@code sh -c}, output to a file. */
  private static String probe(String shellCommand) throws IOException, InterruptedException {
    Path out = Files.createTempFile("terminal-probe", ".txt");
    try {
      ProcessBuilder pb =
          new ProcessBuilder("sh", "-c", shellCommand)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      pb.environment().remove("COLUMNS");
      Process p = pb.start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe hangs");
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.delete(out);
    }
  }

  private static String java() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return "'" + java + "' -cp '" + cp + "' " + TerminalProbe.class.getName();
  }

  @Test
  void outputToAFileIsNoTerminal() throws Exception {
    assumeTrue(Files.isSymbolicLink(Path.of("/proc/self/fd/1")), "no /proc (not Linux)");
    String text = probe(java());
    assertTrue(text.contains("interactive=false columns=80"), text);
  }

  @Test
  void aTerminalOnStandardOutputIsEnoughAndItsWidthIsRead() throws Exception {
    assumeTrue(Files.isSymbolicLink(Path.of("/proc/self/fd/1")), "no /proc (not Linux)");
    assumeTrue(new File("/usr/bin/script").canExecute(), "no script(1) to make a terminal");
    // script(1) runs the command on a new pseudo-terminal; the JVM's standard input stays a file.
    String inner = "stty cols 100 rows 30; " + java() + " < /dev/null";
    String text = probe("script -qec \"" + inner.replace("\"", "\\\"") + "\" /dev/null");
    assertTrue(text.contains("interactive=true columns=100"), text);
  }
}
