package dev.tensile.datasets;

import java.io.IOException;

/**
 * A file that is not a valid IDX file, or not a valid gzip stream around one. The message names the
 * file, what was wrong (the value found and the value expected) and the byte offset where it was
 * found, for example {@code train-images-idx3-ubyte.gz: data ends after 1000 of 47040000 bytes at
 * byte 1016 of the decompressed content}.
 */
public class IdxFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;
  private final boolean decompressed;

  /**
   * Makes the exception.
   *
   * @param file the name of the file, as the user knows it
   * @param offset the byte offset where the problem was found
   * @param decompressed true if {@code offset} counts bytes of a gzip file's decompressed content,
   *     false if it counts bytes of the file as stored
   * @param problem what was wrong, with the value found and the value expected
   */
  public IdxFormatException(String file, long offset, boolean decompressed, String problem) {
    super(
        file
            + ": "
            + problem
            + " at byte "
            + offset
            + (decompressed ? " of the decompressed content" : ""));
    this.file = file;
    this.offset = offset;
    this.decompressed = decompressed;
  }

  /**
   * Returns the file's name.
   *
   * @return the name given when the file was read
   */
  public String file() {
    return file;
  }

  /**
   * Returns where the problem was found.
   *
   * @return the byte offset, in the stored file or in the decompressed content (see {@link
   *     #inDecompressedContent()})
   */
  public long offset() {
    return offset;
  }

  /**
   * Tells what {@link #offset()} counts.
   *
   * @return true if it counts bytes of a gzip file's decompressed content
   */
  public boolean inDecompressedContent() {
    return decompressed;
  }
}
