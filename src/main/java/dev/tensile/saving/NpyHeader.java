package dev.tensile.saving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a {@code .npy} array: a Python dict literal such as {@code {'descr': '<f4',
 * 'fortran_order': False, 'shape': (784, 100), }}, read by a small parser that accepts exactly the
 * keys {@code descr}, {@code fortran_order} and {@code shape}, as NumPy does.
 */
final class NpyHeader {
  private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

  private final String dtype;
  private final int[] shape;

  private NpyHeader(String dtype, int[] shape) {
    this.dtype = dtype;
    this.shape = shape;
  }

  /** Returns the dtype string, e.g. {@code <f4}. */
  String dtype() {
    return dtype;
  }

  /** Returns the shape; each extent is non-negative. */
  int[] shape() {
    return shape.clone();
  }

  /**
   * Parses a header.
   *
   * @param text the header, from the opening brace through the padding and newline
   * @return the dtype and shape
   * @throws IllegalArgumentException if the text is not such a dict, has other keys, or says {@code
   *     'fortran_order': True}
   */
  static NpyHeader parse(String text) {
    return new Parser(text).dict();
  }

  /** A recursive-descent parser for the few Python literals a header holds. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    private NpyHeader dict() {
      Map<String, Object> values = new HashMap<>();
      expect('{');
      while (peek() != '}') {
        String key = string();
        expect(':');
        Object value = value();
        if (!KEYS.contains(key) || values.put(key, value) != null) {
          throw problem("unexpected or repeated key '" + key + "'");
        }
        if (peek() != ',') {
          break;
        }
        expect(',');
      }
      expect('}');
      skipSpaces();
      if (pos != text.length()) {
        throw problem("text after the closing brace");
      }
      if (!values.keySet().equals(KEYS)) {
        throw problem("it must have exactly the keys descr, fortran_order and shape");
      }
      if (!(values.get("descr") instanceof String)
          || !(values.get("fortran_order") instanceof Boolean)
          || !(values.get("shape") instanceof int[])) {
        throw problem("descr must be a string, fortran_order a boolean and shape a tuple");
      }
      if ((Boolean) values.get("fortran_order")) {
        throw problem("fortran_order True (column-major data) is not supported; save in C order");
      }
      return new NpyHeader((String) values.get("descr"), (int[]) values.get("shape"));
    }

    private Object value() {
      char c = peek();
      if (c == '\'' || c == '"') {
        return string();
      }
      if (c == '(') {
        return tuple();
      }
      if (text.startsWith("True", pos)) {
        pos += 4;
        return Boolean.TRUE;
      }
      if (text.startsWith("False", pos)) {
        pos += 5;
        return Boolean.FALSE;
      }
      throw problem("unexpected value at '" + rest() + "'");
    }

    private String string() {
      char quote = peek();
      if (quote != '\'' && quote != '"') {
        throw problem("expected a quoted key at '" + rest() + "'");
      }
      int end = text.indexOf(quote, pos + 1);
      if (end < 0) {
        throw problem("unterminated string");
      }
      String s = text.substring(pos + 1, end);
      pos = end + 1;
      return s;
    }

    private int[] tuple() {
      expect('(');
      List<Integer> extents = new ArrayList<>();
      long elements = 1;
      while (peek() != ')') {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
        int extent;
        try {
          extent = Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
          throw problem(
              "shape extents must be non-negative integers below 2^31, at '"
                  + text.substring(start, Math.min(text.length(), start + 12))
                  + "'");
        }
        elements *= extent;
        if (elements > Integer.MAX_VALUE) {
          throw problem("shape has more than 2^31 - 1 elements");
        }
        extents.add(extent);
        if (peek() != ',') {
          break;
        }
        expect(',');
      }
      expect(')');
      int[] shape = new int[extents.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = extents.get(i);
      }
      return shape;
    }

    private char peek() {
      skipSpaces();
      if (pos >= text.length()) {
        throw problem("it ends early");
      }
      return text.charAt(pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw problem("expected '" + c + "' at '" + rest() + "'");
      }
      pos++;
    }

    private void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private String rest() {
      return text.substring(pos, Math.min(text.length(), pos + 20)).strip();
    }

    private IllegalArgumentException problem(String what) {
      String shown = text.strip();
      shown = shown.length() > 120 ? shown.substring(0, 120) + "..." : shown;
      return new IllegalArgumentException("bad .npy header " + shown + ": " + what);
    }
  }
}
