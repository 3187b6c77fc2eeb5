package dev.tensile.callbacks;

import dev.tensile.utils.Formats;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small subset of Python's {@code str.format}, enough for checkpoint file names such as {@code
 * ckpt-{epoch:02d}-{val_loss:.2f}.keras}.
 *
 * <p>Fields are {@code {name}} or {@code {name:spec}}; {@code {{} and {@code }}} stand for single
 * braces. A spec is {@code [0][width][.precision][type]}: type {@code d} (integers only), {@code
 * f}/{@code F} (fixed, precision 6 by default), {@code e}/{@code E} (scientific, precision 6 by
 * default), or none (an integer in decimal, a float as Python's {@code repr}). A width pads on the
 * left with spaces, or with zeros after the sign when it starts with {@code 0}. Rounding is
 * Python's: the exact binary value, half to even.
 */
final class PathTemplate {
  private static final Pattern SPEC = Pattern.compile("(0?)(\\d*)(?:\\.(\\d+))?([dfFeE]?)");

  private PathTemplate() {}

  /**
   * Fills a template.
   *
   * @param template the text with fields
   * @param values each field's value: an {@link Integer} or {@link Long} for integers, a {@link
   *     Double} for floats
   * @return the filled text
   * @throws IllegalArgumentException for an unknown field (listing the known ones), an unsupported
   *     or mismatched spec, or unbalanced braces
   */
  static String format(String template, Map<String, ? extends Number> values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '}') {
        if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
          out.append('}');
          i += 2;
          continue;
        }
        throw bad(template, "a single '}' at position " + i + "; write '}}' for a brace");
      }
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
        continue;
      }
      int close = template.indexOf('}', i);
      if (close < 0) {
        throw bad(template, "a '{' at position " + i + " is never closed");
      }
      out.append(field(template, template.substring(i + 1, close), values));
      i = close + 1;
    }
    return out.toString();
  }

  private static String field(
      String template, String field, Map<String, ? extends Number> values) {
    int colon = field.indexOf(':');
    String name = colon < 0 ? field : field.substring(0, colon);
    String spec = colon < 0 ? "" : field.substring(colon + 1);
    Number value = values.get(name);
    if (value == null) {
      throw bad(template, "no value for {" + name + "}; available: "
          + String.join(", ", values.keySet()));
    }
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw bad(template, "unsupported format spec '" + spec + "' in {" + field
          + "}; expected [0][width][.precision][type] with type d, f, F, e, E or none");
    }
    boolean integer = value instanceof Integer || value instanceof Long;
    String type = m.group(4);
    String precision = m.group(3);
    String text;
    if (type.equals("d")) {
      if (!integer || precision != null) {
        throw bad(template, "{" + field + "}: format 'd' needs an integer without precision, and "
            + name + " is " + (integer ? "an integer" : "a float (" + value + ")"));
      }
      text = value.toString();
    } else if (type.isEmpty()) {
      if (precision != null) {
        throw bad(template, "{" + field + "}: a precision needs type f or e, e.g. {" + name
            + ":.2f}");
      }
      text = integer ? value.toString() : FloatRepr.of(value.doubleValue());
    } else {
      int digits = precision == null ? 6 : Integer.parseInt(precision);
      boolean fixed = type.equalsIgnoreCase("f");
      double v = value.doubleValue();
      text = fixed ? Formats.fixed(v, digits) : Formats.scientific(v, digits);
      if (Character.isUpperCase(type.charAt(0))) {
        text = text.toUpperCase(Locale.ROOT);
      }
    }
    int width = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
    return pad(text, width, !m.group(1).isEmpty());
  }

  private static String pad(String text, int width, boolean zeros) {
    int missing = width - text.length();
    if (missing <= 0) {
      return text;
    }
    if (!zeros) {
      return " ".repeat(missing) + text;
    }
    int signLength = text.startsWith("-") ? 1 : 0;
    return text.substring(0, signLength) + "0".repeat(missing) + text.substring(signLength);
  }

  private static IllegalArgumentException bad(String template, String problem) {
    return new IllegalArgumentException(
        "cannot fill the file path template '" + template + "': " + problem);
  }
}
