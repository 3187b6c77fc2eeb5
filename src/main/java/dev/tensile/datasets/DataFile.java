package dev.tensile.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of a dataset and the SHA-256 of its decompressed content.
 *
 * <p>The hash covers the IDX bytes after decompression because mirrors recompress the gzip files
 * (changing the stored bytes) without changing the content.
 *
 * @param name the file name, for example {@code train-images-idx3-ubyte.gz}
 * @param sha256 the lowercase hex SHA-256 of the decompressed content, or {@code null} when no
 *     verified hash is known and only the IDX structure is checked
 */
record DataFile(String name, String sha256) {

  /**
   * Reads the file and checks its content against the known hash.
   *
   * @param path where the file is
   * @param displayName the name for error messages (a path or URL)
   * @return the content
   * @throws IOException if it cannot be read, is not valid IDX, or its hash is wrong
   */
  IdxFile readVerified(Path path, String displayName) throws IOException {
    MessageDigest digest = sha256Digest();
    IdxFile content = IdxReader.read(path, displayName, digest);
    String actual = HexFormat.of().formatHex(digest.digest());
    if (sha256 != null && !sha256.equals(actual)) {
      throw new IOException(
          displayName
              + ": the SHA-256 of the decompressed content is "
              + actual
              + ", expected "
              + sha256
              + " (a damaged file, or not the official "
              + name
              + ")");
    }
    return content;
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
