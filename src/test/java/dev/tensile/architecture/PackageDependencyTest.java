package dev.tensile.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between Tensile's packages run one way, as docs/architecture.md draws them: a
 * package uses only packages of its own level or below, {@code datasets} only the first level,
 * and no packages form a cycle. Every reference to a {@code dev.tensile} type in code (imports,
 * static imports and fully qualified names; not comments) of the library, the examples and the
 * benchmarks counts.
 */
class PackageDependencyTest {
  /** Each top-level package's level; sub-packages ({@code engine.vector}) take their parent's. */
  static final Map<String, Integer> LEVELS = Map.ofEntries(
      Map.entry("", 0),
      Map.entry("tensor", 1),
      Map.entry("engine", 1),
      Map.entry("utils", 1),
      Map.entry("internal", 1),
      Map.entry("activations", 2),
      Map.entry("initializers", 2),
      Map.entry("losses", 2),
      Map.entry("metrics", 2),
      Map.entry("config", 2),
      Map.entry("layers", 3),
      Map.entry("optimizers", 3),
      Map.entry("saving", 4),
      Map.entry("callbacks", 5),
      Map.entry("models", 6),
      Map.entry("datasets", 7),
      Map.entry("examples", 8),
      Map.entry("benchmarks", 8));

  /** Packages that may use only the first level, whatever their own level. */
  static final Set<String> FIRST_LEVEL_ONLY = Set.of("datasets");

  /**
   * Edges allowed against the order for now, each with its reason: the model file format still
   * builds and reads {@code Sequential} directly; it goes when saving sees only descriptions and
   * arrays.
   */
  static final Set<String> ALLOWED_FOR_NOW = Set.of("saving -> models");

  static final List<Path> ROOTS = List.of(
      Path.of("src/main/java"),
      Path.of("examples/src/main/java"),
      Path.of("benchmarks/src/main/java"));

  private static final Pattern PACKAGE = Pattern.compile(
      "^package\\s+dev\\.tensile\\.?([a-z0-9_.]*)\\s*;", Pattern.MULTILINE);
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.tensile\\.((?:[a-z][a-z0-9_]*\\.)*[a-z][a-z0-9_]*)\\.[A-Z]");

  @Test
  void dependenciesFollowTheLayers() throws IOException {
    Map<String, Set<String>> graph = graph();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : graph.entrySet()) {
      String from = e.getKey();
      int level = level(from);
      for (String to : e.getValue()) {
        String edge = top(from) + " -> " + top(to);
        if (ALLOWED_FOR_NOW.contains(edge)) {
          continue;
        }
        int target = level(to);
        boolean firstOnly = FIRST_LEVEL_ONLY.contains(top(from)) && target > 1;
        if (target > level || firstOnly) {
          wrong.add(from + " (level " + level + ") uses " + to + " (level " + target + ")");
        }
      }
    }
    assertEquals(List.of(), wrong, "dependencies against the order in docs/architecture.md");
  }

  @Test
  void noPackagesFormACycle() throws IOException {
    Map<String, Set<String>> graph = graph();
    for (String start : graph.keySet()) {
      List<String> cycle = cycleFrom(start, start, graph, new ArrayList<>(), new TreeSet<>());
      assertTrue(cycle == null, "package cycle: " + (cycle == null ? "" : String.join(" -> ",
          cycle)));
    }
  }

  @Test
  void everyPackageHasALevel() throws IOException {
    for (String p : graph().keySet()) {
      assertTrue(LEVELS.containsKey(top(p)),
          "package dev.tensile." + p + " has no level; add it to LEVELS and to the table in "
              + "docs/architecture.md");
    }
  }

  private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> graph,
      List<String> path, Set<String> seen) {
    path.add(at);
    for (String next : graph.getOrDefault(at, Set.of())) {
      if (ALLOWED_FOR_NOW.contains(top(at) + " -> " + top(next))) {
        continue;
      }
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        return cycle;
      }
      if (seen.add(next)) {
        List<String> found = cycleFrom(start, next, graph, path, seen);
        if (found != null) {
          return found;
        }
      }
    }
    path.remove(path.size() - 1);
    return null;
  }

  /** Package (below dev.tensile, "" for the root) to the other packages its code refers to. */
  static Map<String, Set<String>> graph() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Path root : ROOTS) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
      }
      for (Path f : files) {
        String code = withoutComments(Files.readString(f, StandardCharsets.UTF_8));
        Matcher p = PACKAGE.matcher(code);
        if (!p.find()) {
          continue;
        }
        String from = p.group(1);
        Set<String> uses = graph.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher r = REFERENCE.matcher(code.substring(p.end()));
        while (r.find()) {
          if (!r.group(1).equals(from)) {
            uses.add(r.group(1));
          }
        }
      }
    }
    return graph;
  }

  private static String top(String pkg) {
    int dot = pkg.indexOf('.');
    return dot < 0 ? pkg : pkg.substring(0, dot);
  }

  private static int level(String pkg) {
    Integer level = LEVELS.get(top(pkg));
    return level == null ? Integer.MAX_VALUE : level;
  }

  /** Drops comments and string literals, so only code counts. */
  static String withoutComments(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && source.charAt(i) != c) {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
