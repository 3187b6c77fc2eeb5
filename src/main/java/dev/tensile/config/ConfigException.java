package dev.tensile.config;

/**
 * A description that cannot be turned into an object: a missing key, a value of the wrong type or
 * out of range, or an unknown class name. The message names the entry, e.g. {@code
 * layers[1].config.units}, and says what was expected.
 */
public class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Makes the exception.
   *
   * @param message the entry and what was wrong with it
   */
  public ConfigException(String message) {
    super(message);
  }
}
