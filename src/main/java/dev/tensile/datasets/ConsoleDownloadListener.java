package dev.tensile.datasets;

import java.io.PrintStream;
import java.net.URI;

/**
 * Prints download progress as Keras does: a {@code Downloading data from <url>} line, then one line
 * rewritten in place ({@code \r}) each time another percent arrives.
 */
final class ConsoleDownloadListener implements DownloadListener {
  private static final long UNKNOWN_SIZE_STEP = 1 << 20;

  private final PrintStream out;
  private long lastShown = -1;

  ConsoleDownloadListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void started(URI url, long totalBytes) {
    out.println("Downloading data from " + url);
    lastShown = -1;
  }

  @Override
  public void progress(long bytesSoFar, long totalBytes) {
    long step = totalBytes > 0 ? bytesSoFar * 100 / totalBytes : bytesSoFar / UNKNOWN_SIZE_STEP;
    if (step != lastShown) {
      lastShown = step;
      out.print(
          totalBytes > 0
              ? "\r" + bytesSoFar + "/" + totalBytes + " bytes (" + step + "%)"
              : "\r" + bytesSoFar + " bytes");
      out.flush();
    }
  }

  @Override
  public void ended(long bytesSoFar, boolean complete) {
    out.println(complete ? "" : " - failed");
  }
}
