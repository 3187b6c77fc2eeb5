package dev.tensile.callbacks;

/** Argument checks shared by the callbacks' setters; each message names the setting and value. */
final class Checks {
  private Checks() {}

  /**
   * Checks a count.
   *
   * @param what the setting's name
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException if negative
   */
  static int atLeastZero(String what, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be at least 0, got " + value);
    }
    return value;
  }

  /**
   * Checks that an argument is given.
   *
   * @param what the argument's name
   * @param value the value
   * @param <T> its type
   * @return the value
   * @throws IllegalArgumentException if null
   */
  static <T> T notNull(String what, T value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  /**
   * Checks a real number.
   *
   * @param what the setting's name
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException if NaN or infinite
   */
  static double finite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number, got " + value);
    }
    return value;
  }
}
