package dev.tensile.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected strings are what CPython 3 prints for the same format and value. */
class FormatsTest {
  @Test
  void fixedRoundsExactTiesToEven() {
    assertEquals("0", Formats.fixed(0.5, 0));
    assertEquals("2", Formats.fixed(2.5, 0));
    assertEquals("4", Formats.fixed(3.5, 0));
    assertEquals("2", Formats.fixed(1.5, 0));
    // 0.03125 and 0.125 are exact in binary: true ties, so the even digit wins.
    assertEquals("0.0312", Formats.fixed(0.03125, 4));
    assertEquals("0.12", Formats.fixed(0.125, 2));
  }

  @Test
  void fixedRoundsTheExactBinaryValue() {
    // 0.56785 is 0.567849999... in binary: below the tie, so it rounds down (Java's %.4f: 0.5679).
    assertEquals("0.5678", Formats.fixed(0.56785, 4));
    // 0.12345 is 0.123450000...04 in binary: above the tie.
    assertEquals("0.1235", Formats.fixed(0.12345, 4));
    assertEquals("1.0001", Formats.fixed(1.00005, 4));
    assertEquals("310.59", Formats.fixed(318040 / 1024.0, 2));
  }

  @Test
  void fixedKeepsTheSignOfNegativeValuesThatRoundToZero() {
    assertEquals("-0", Formats.fixed(-0.4, 0));
    assertEquals("-0.0000", Formats.fixed(-0.0, 4));
    assertEquals("-0.5000", Formats.fixed(-0.5, 4));
  }

  @Test
  void scientificMatchesPython() {
    assertEquals("1.0000e-04", Formats.scientific(1e-4, 4));
    assertEquals("0.0000e+00", Formats.scientific(0.0, 4));
    assertEquals("-0.0000e+00", Formats.scientific(-0.0, 4));
    assertEquals("1.0000e-03", Formats.scientific(0.001, 4));
    assertEquals("9.9999e-04", Formats.scientific(0.00099999, 4));
    assertEquals("1.0000e-03", Formats.scientific(0.000999996, 4));
    assertEquals("1.2346e+05", Formats.scientific(123456.0, 4));
    assertEquals("1.0000e+100", Formats.scientific(1e100, 4));
    assertEquals("-1.0000e-10", Formats.scientific(-1e-10, 4));
    assertEquals("5e+00", Formats.scientific(5.0, 0));
    // The smallest subnormal: Java's %.4e prints 4.9000e-324.
    assertEquals("4.9407e-324", Formats.scientific(Double.MIN_VALUE, 4));
  }

  @Test
  void nonFiniteValuesPrintAsPythonDoes() {
    assertEquals("nan", Formats.fixed(Double.NaN, 4));
    assertEquals("inf", Formats.fixed(Double.POSITIVE_INFINITY, 4));
    assertEquals("-inf", Formats.scientific(Double.NEGATIVE_INFINITY, 4));
    assertEquals("nan", Formats.scientific(Double.NaN, 4));
  }

  @Test
  void groupedSeparatesThousandsWithCommas() {
    assertEquals("0", Formats.grouped(0));
    assertEquals("999", Formats.grouped(999));
    assertEquals("78,500", Formats.grouped(78500));
    assertEquals("238,532", Formats.grouped(238532));
    assertEquals("-1,234,567", Formats.grouped(-1234567));
  }

  @Test
  void negativeDigitsAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Formats.fixed(1.0, -1));
    assertEquals(
        "digits must be 0 or more, got -1 (the number of digits after the point)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Formats.scientific(1.0, -2));
  }
}
