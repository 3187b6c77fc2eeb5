package dev.tensile.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatReprTest {
  /** Expected strings are Python 3's {@code repr} of the same doubles. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "0.1|0.1",
    "1.0|1.0",
    "100.0|100.0",
    "123.456|123.456",
    "0.0001|0.0001",
    "0.00012345|0.00012345",
    "1e-05|1e-05",
    "6.666666666666665e-08|6.666666666666665e-08",
    "1e15|1000000000000000.0",
    "9999999999999998.0|9999999999999998.0",
    "1e16|1e+16",
    "1.5e16|1.5e+16",
    "0.3333333333333333|0.3333333333333333",
    "-2.5|-2.5",
    "-0.0|-0.0",
    "0.0|0.0",
    "4.9e-324|5e-324",
    "2.2250738585072014e-308|2.2250738585072014e-308",
    "1.7976931348623157e308|1.7976931348623157e+308",
    "NaN|nan",
    "Infinity|inf",
    "-Infinity|-inf",
  })
  void matchesPythonRepr(double value, String python) {
    assertEquals(python, FloatRepr.of(value));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "0.1|0.10000000149011612",
    "0.01|0.009999999776482582",
    "0.6931472|0.6931471824645996",
  })
  void float32ValuesWidenedAsKerasLogsThem(float value, String python) {
    assertEquals(python, FloatRepr.of(value));
  }
}
