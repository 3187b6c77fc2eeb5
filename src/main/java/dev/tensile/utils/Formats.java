package dev.tensile.utils;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number formatting that agrees with Python's {@code %.Nf}, {@code %.Ne} and {@code {:,}}.
 *
 * <p>Python rounds the exact binary value of a double to the requested digits, so a true tie (0.5,
 * 2.5, 0.03125) goes to the even neighbour and a value just below a tie in binary (0.56785 is
 * 0.567849999...) rounds down. {@link String#format} rounds the shortest decimal form half up
 * instead, which differs in both cases ({@code "%.0f"} of 2.5 is "3" in Java, "2" in Python). Every
 * method here works on {@code new BigDecimal(v)}, the exact value, with {@link
 * RoundingMode#HALF_EVEN}. Non-finite values print as Python does: {@code nan}, {@code inf}, {@code
 * -inf}; a negative value, including -0.0, keeps its minus sign even when it rounds to zero.
 */
public final class Formats {
  private Formats() {}

  /**
   * Formats {@code v} with {@code digits} digits after the point, as Python's {@code
   * "%.{digits}f"}.
   *
   * @param v the value
   * @param digits digits after the decimal point, at least 0
   * @return for example {@code fixed(2.5, 0)} is "2", {@code fixed(0.56785, 4)} is "0.5678"
   * @throws IllegalArgumentException if {@code digits} is negative
   */
  public static String fixed(double v, int digits) {
    checkDigits(digits);
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    String magnitude =
        new BigDecimal(Math.abs(v)).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    return sign(v) + magnitude;
  }

  /**
   * Formats {@code v} in scientific notation, as Python's {@code "%.{digits}e"}: one digit before
   * the point, {@code digits} after it, and an exponent with a sign and at least two digits.
   *
   * @param v the value
   * @param digits digits after the decimal point of the mantissa, at least 0
   * @return for example {@code scientific(1e-4, 4)} is "1.0000e-04", {@code scientific(0, 4)} is
   *     "0.0000e+00"
   * @throws IllegalArgumentException if {@code digits} is negative
   */
  public static String scientific(double v, int digits) {
    checkDigits(digits);
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    String mantissaDigits;
    int exponent;
    if (v == 0) {
      mantissaDigits = "0".repeat(digits + 1);
      exponent = 0;
    } else {
      BigDecimal rounded =
          new BigDecimal(Math.abs(v)).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
      String unscaled = rounded.unscaledValue().toString();
      // value = unscaled × 10^-scale, so the leading digit sits at 10^(length - 1 - scale).
      exponent = unscaled.length() - 1 - rounded.scale();
      mantissaDigits = (unscaled + "0".repeat(digits)).substring(0, digits + 1);
    }
    StringBuilder text = new StringBuilder(sign(v)).append(mantissaDigits.charAt(0));
    if (digits > 0) {
      text.append('.').append(mantissaDigits, 1, digits + 1);
    }
    text.append(exponent < 0 ? "e-" : "e+");
    int absExponent = Math.abs(exponent);
    if (absExponent < 10) {
      text.append('0');
    }
    return text.append(absExponent).toString();
  }

  /**
   * Formats an integer with a comma between groups of three digits, as Python's {@code "{:,}"}.
   *
   * @param n the integer
   * @return for example {@code grouped(78500)} is "78,500"
   */
  public static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String sign(double v) {
    return Math.copySign(1.0, v) < 0 ? "-" : "";
  }

  private static String nonFinite(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    return v > 0 ? "inf" : "-inf";
  }

  private static void checkDigits(int digits) {
    if (digits < 0) {
      throw new IllegalArgumentException(
          "digits must be 0 or more, got " + digits + " (the number of digits after the point)");
    }
  }
}
