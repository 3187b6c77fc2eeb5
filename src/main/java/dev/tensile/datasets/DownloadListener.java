package dev.tensile.datasets;

import java.net.URI;

/**
 * Hears how a download advances, to show progress. Calls come in the order {@code started}, any
 * number of {@code progress}, then {@code ended}, all on the downloading thread.
 */
public interface DownloadListener {
  /**
   * A download begins.
   *
   * @param url where the file comes from
   * @param totalBytes its size, or {@code -1} if the server did not say
   */
  void started(URI url, long totalBytes);

  /**
   * More bytes have arrived.
   *
   * @param bytesSoFar the bytes received so far
   * @param totalBytes the size, or {@code -1} if unknown
   */
  void progress(long bytesSoFar, long totalBytes);

  /**
   * The download is over.
   *
   * @param bytesSoFar the bytes received
   * @param complete true if the file arrived whole and was verified, false if it failed
   */
  void ended(long bytesSoFar, boolean complete);

  /**
   * Returns the listener that prints Keras-style progress lines on standard error: {@code
   * Downloading data from <url>}, then {@code 26421880/26421880 bytes (100%)}.
   *
   * @return a new console listener
   */
  static DownloadListener console() {
    return new ConsoleDownloadListener(System.err);
  }

  /**
   * Returns a listener that shows nothing.
   *
   * @return a listener whose methods do nothing
   */
  static DownloadListener silent() {
    return new DownloadListener() {
      @Override
      public void started(URI url, long totalBytes) {}

      @Override
      public void progress(long bytesSoFar, long totalBytes) {}

      @Override
      public void ended(long bytesSoFar, boolean complete) {}
    };
  }
}
