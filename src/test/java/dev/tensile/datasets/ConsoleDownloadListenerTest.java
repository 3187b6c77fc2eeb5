package dev.tensile.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void printsTheUrlThenOneUpdatePerPercent() {
    listener.started(URI.create("https://example.org/f.gz"), 200);
    listener.progress(0, 200);
    listener.progress(1, 200);
    listener.progress(2, 200);
    listener.progress(200, 200);
    listener.ended(200, true);
    assertEquals(
        "Downloading data from https://example.org/f.gz\n"
            + "\r0/200 bytes (0%)\r2/200 bytes (1%)\r200/200 bytes (100%)\n",
        printed());
  }

  @Test
  void unknownSizesCountBytesAndFailuresSaySo() {
    listener.started(URI.create("https://example.org/f.gz"), -1);
    listener.progress(10, -1);
    listener.ended(10, false);
    assertEquals(
        "Downloading data from https://example.org/f.gz\n\r10 bytes - failed\n", printed());
  }
}
