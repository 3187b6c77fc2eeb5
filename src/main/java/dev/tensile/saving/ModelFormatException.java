package dev.tensile.saving;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model or weights file that cannot be loaded: not a Keras model file, truncated or corrupt,
 * claiming more than it holds or more than the documented limits, describing something Tensile
 * lacks (a functional model, a custom object, an unknown class, an unsupported option), or holding
 * weights whose count or shapes differ from the model's. The message names the file, the entry and
 * what was expected; nothing was built and nothing was written.
 */
public class ModelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file, kept as text because {@link Path} is not serializable. */
  private final String file;

  private final String problem;

  /**
   * Makes the exception.
   *
   * @param file the file being read
   * @param problem what is wrong with it, e.g. {@code config.json is not valid JSON (...)}
   */
  public ModelFormatException(Path file, String problem) {
    this(file, problem, null);
  }

  /**
   * Makes the exception with its cause.
   *
   * @param file the file being read
   * @param problem what is wrong with it
   * @param cause the underlying exception, or null
   */
  public ModelFormatException(Path file, String problem, Throwable cause) {
    super("cannot load " + file + ": " + problem, cause);
    this.file = String.valueOf(file);
    this.problem = problem;
  }

  /**
   * Returns the file that could not be loaded.
   *
   * @return its path, as given to the load method
   */
  public String file() {
    return file;
  }

  /**
   * Returns the problem alone, without the file name.
   *
   * @return the problem's description
   */
  public String problem() {
    return problem;
  }
}
