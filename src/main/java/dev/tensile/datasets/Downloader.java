package dev.tensile.datasets;

import dev.tensile.internal.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches dataset files over HTTP(S) into a directory, so that a file appears there only whole and
 * verified: the bytes go to a temporary file beside the target, which is checked (IDX structure and
 * SHA-256 of the decompressed content) and then renamed into place. Any failure, including a
 * dropped connection, deletes the temporary file; so does the JVM's shutdown if the program is
 * stopped mid-download.
 */
final class Downloader {
  /** How long to wait for a connection. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

  /** How long a stalled transfer may wait for its next bytes before it fails. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private static final int BUFFER = 1 << 16;

  private final URI base;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  /**
   * Makes a downloader.
   *
   * @param base the URL the file names are resolved against; should end with a slash
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout how long to wait for more bytes
   */
  Downloader(URI base, Duration connectTimeout, Duration readTimeout) {
    this.base = base;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /**
   * Returns the base URL.
   *
   * @return what file names are resolved against
   */
  URI base() {
    return base;
  }

  /**
   * Downloads one file, verifies it, and moves it into place.
   *
   * @param file the file name and expected hash
   * @param target where the verified file goes; replaced if it exists
   * @param listener hears the progress
   * @throws IOException if the download, the check or the move fails; nothing is left behind
   */
  void fetch(DataFile file, Path target, DownloadListener listener) throws IOException {
    URI url = base.resolve(file.name());
    Transfer transfer = new Transfer(listener);
    // Closing the pending file deletes it unless it was committed, before the catch below runs.
    try (AtomicFile pending = AtomicFile.begin(target)) {
      Path temp = pending.tempFile();
      temp.toFile().deleteOnExit(); // also when the program is stopped mid-download
      long total = transfer.copy(url, temp);
      if (total >= 0 && transfer.received != total) {
        throw new IOException(
            "the connection closed after " + transfer.received + " of " + total + " bytes");
      }
      file.readVerified(temp, url.toString());
      pending.commit();
      transfer.end(true);
    } catch (IOException | RuntimeException e) {
      transfer.end(false);
      throw new IOException("downloading " + url + " failed, nothing was kept: " + reason(e), e);
    }
  }

  /** Says what went wrong; the JDK's network exceptions need their type to make sense. */
  private static String reason(Exception e) {
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage() + " (no network, or no name server?)";
    }
    if (e.getClass() == IOException.class || e instanceof IdxFormatException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** One transfer's progress, reported to the listener. */
  private final class Transfer {
    private final DownloadListener listener;
    private long received;
    private boolean started;

    Transfer(DownloadListener listener) {
      this.listener = listener;
    }

    /** Copies the response body to {@code temp}; returns the announced length or -1. */
    long copy(URI url, Path temp) throws IOException {
      HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setConnectTimeout((int) connectTimeout.toMillis());
      connection.setReadTimeout((int) readTimeout.toMillis());
      try {
        int status = connection.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
          throw new IOException(
              "the server answered HTTP " + status + " " + connection.getResponseMessage());
        }
        long total = connection.getContentLengthLong();
        listener.started(url, total);
        started = true;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = connection.getInputStream();
            OutputStream out = Files.newOutputStream(temp)) {
          for (int n = read(in, buffer, total); n >= 0; n = read(in, buffer, total)) {
            out.write(buffer, 0, n);
            received += n;
            listener.progress(received, total);
          }
        }
        return total;
      } finally {
        connection.disconnect();
      }
    }

    /**
     * Reads the next chunk. Some JDKs report a connection closed before the announced length as
     * an end of stream, others as an exception ("Premature EOF"); both become the same message.
     */
    private int read(InputStream in, byte[] buffer, long total) throws IOException {
      try {
        return in.read(buffer);
      } catch (IOException e) {
        if (total >= 0 && received < total && !(e instanceof SocketTimeoutException)) {
          throw new IOException(
              "the connection closed after " + received + " of " + total + " bytes", e);
        }
        throw e;
      }
    }

    void end(boolean complete) {
      if (started) {
        listener.ended(received, complete);
      }
    }
  }
}
