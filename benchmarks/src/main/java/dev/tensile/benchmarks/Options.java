package dev.tensile.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the benchmark mains: {@code --name value} pairs and bare {@code --flag}s.
 */
public final class Options {
  private final Map<String, String> values = new HashMap<>();

  /**
   * Reads the arguments.
   *
   * @param args the arguments, e.g. {@code --results out.tsv --quick}
   * @param flags the names (without dashes) that take no value
   * @param named the names that take a value
   * @throws IllegalArgumentException if an argument is unknown or a value is missing
   */
  public Options(String[] args, Set<String> flags, Set<String> named) {
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (flags.contains(name)) {
        values.put(name, "true");
      } else if (named.contains(name) && i + 1 < args.length) {
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException(
            "unexpected argument '"
                + args[i]
                + "'; flags: "
                + flags
                + ", options with a value: "
                + named);
      }
    }
  }

  /**
   * Tells whether a flag was given.
   *
   * @param name the flag, without dashes
   * @return true if present
   */
  public boolean flag(String name) {
    return values.containsKey(name);
  }

  /**
   * Returns an option's value.
   *
   * @param name the option, without dashes
   * @param fallback the value when the option is absent
   * @return the value
   */
  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /**
   * Returns the results file, which every main needs.
   *
   * @return the path given by {@code --results}
   * @throws IllegalArgumentException if it is missing
   */
  public Path results() {
    String file = values.get("results");
    if (file == null) {
      throw new IllegalArgumentException("--results FILE is required");
    }
    return Path.of(file);
  }

  /**
   * Returns a comma-separated option as integers.
   *
   * @param name the option, without dashes
   * @param fallback the value when the option is absent, e.g. {@code "1,2"}
   * @return the integers in order
   * @throws IllegalArgumentException if an entry is not an integer
   */
  public List<Integer> ints(String name, String fallback) {
    List<Integer> out = new ArrayList<>();
    for (String s : get(name, fallback).split(",")) {
      try {
        out.add(Integer.parseInt(s.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--" + name + " takes comma-separated integers, got '" + get(name, fallback) + "'", e);
      }
    }
    return out;
  }
}
