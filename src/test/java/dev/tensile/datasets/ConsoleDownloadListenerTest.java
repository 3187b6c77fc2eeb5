package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleDownloadListenerTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ConsoleDownloadListener listener =
      new ConsoleDownloadListener(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test
  void printsTheUrlThenKerasProgressBarCountingBytes() {
    listener.started(URI.create("https://example.org/f.gz"), 200);
    listener.progress(0, 200);
    listener.progress(2, 200);
    listener.progress(200, 200);
    listener.ended(200, true);
    String text = printed();
    // Off a terminal only the finished bar is printed.
    assertTrue(
        text.matches(
            "Downloading data from https://example.org/f\\.gz\n"
                + "200/200 [\u2501=]{20} \\d+s \\d+(us|ms|s)/step\n"),
        text);
  }

  @Test
  void failuresSaySoWithTheBytesReceived() {
    listener.started(URI.create("https://example.org/f.gz"), -1);
    listener.progress(10, -1);
    listener.ended(10, false);
    assertEquals(
        "Downloading data from https://example.org/f.gz\n\nDownload failed after 10 bytes\n",
        printed());
  }
}
