package dev.tensile.callbacks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double, in plain
 * notation when its decimal exponent {@code e} satisfies {@code -4 <= e < 16} (always with a
 * fractional part, {@code 3.0}) and in scientific notation otherwise ({@code 1e-05}, {@code
 * 1.5e+16}). Keras prints learning rates and writes CSV values this way.
 */
final class FloatRepr {
  private static final RoundingMode[] NEAREST_FIRST = {
    RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING
  };

  private FloatRepr() {}

  /**
   * Formats a double as Python's {@code repr}.
   *
   * @param v the value
   * @return for example {@code 0.1}, {@code 3.0}, {@code 1e-05}, {@code nan}, {@code -inf}
   */
  static String of(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String sign = Math.copySign(1.0, v) < 0 ? "-" : "";
    if (v == 0) {
      return sign + "0.0";
    }
    BigDecimal shortest = shortest(Math.abs(v)).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    // shortest = digits × 10^-scale, so the leading digit sits at 10^(length - 1 - scale).
    int exponent = digits.length() - 1 - shortest.scale();
    if (exponent >= -4 && exponent < 16) {
      String plain = shortest.toPlainString();
      return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }
    StringBuilder text = new StringBuilder(sign).append(digits.charAt(0));
    if (digits.length() > 1) {
      text.append('.').append(digits, 1, digits.length());
    }
    text.append(exponent < 0 ? "e-" : "e+");
    if (Math.abs(exponent) < 10) {
      text.append('0');
    }
    return text.append(Math.abs(exponent)).toString();
  }

  /** The fewest significant digits that round-trip, nearest to the exact value among those. */
  private static BigDecimal shortest(double positive) {
    BigDecimal exact = new BigDecimal(positive);
    for (int precision = 1; precision < 17; precision++) {
      for (RoundingMode mode : NEAREST_FIRST) {
        BigDecimal candidate = exact.round(new MathContext(precision, mode));
        if (candidate.doubleValue() == positive) {
          return candidate;
        }
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }
}
