package dev.tensile.data;

/**
 * One epoch's batches from a {@link DataSource}, in order. Not thread-safe; close it when the
 * epoch ends, early or not, so a file-backed source releases its file.
 */
public interface BatchStream extends AutoCloseable {
  /**
   * Fills the batch with the next samples, at most the batch size the stream was opened with.
   *
   * @param batch the reused batch; modified
   * @return false, leaving the batch empty, when the epoch has no samples left
   * @throws java.io.UncheckedIOException if reading the underlying data fails
   */
  boolean next(Batch batch);

  /** Releases what the stream holds open; never throws a checked exception. */
  @Override
  void close();
}
