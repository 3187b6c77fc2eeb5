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
