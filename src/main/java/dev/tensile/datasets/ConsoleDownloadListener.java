package dev.tensile.datasets;

import dev.tensile.utils.ProgressBar;
import dev.tensile.utils.Terminal;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;

/**
 * Prints download progress as Keras does: a {@code Downloading data from <url>} line, then Keras's
 * progress bar counting bytes, e.g. {@code 26421880/26421880 ━━━━━━━━━━━━━━━━━━━━ 2s 0us/step}
 * (redrawn in place on a terminal, one finished line otherwise).
 */
final class ConsoleDownloadListener implements DownloadListener {
  private static final double[] NO_VALUES = new double[0];

  private final PrintStream out;
  private ProgressBar bar;

  ConsoleDownloadListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void started(URI url, long totalBytes) {
    out.println("Downloading data from " + url);
    out.flush();
    bar = new ProgressBar(
        Math.max(totalBytes, ProgressBar.UNKNOWN_TARGET), 1, out,
        out == System.out && Terminal.isInteractive(), System::nanoTime);
  }

  @Override
  public void progress(long bytesSoFar, long totalBytes) {
    bar.update(bytesSoFar, List.of(), NO_VALUES);
  }

  @Override
  public void ended(long bytesSoFar, boolean complete) {
    if (complete) {
      bar.finish(List.of(), NO_VALUES);
    } else {
      out.println();
      out.println("Download failed after " + bytesSoFar + " bytes");
    }
    out.flush();
  }
}
