package dev.tensile.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensile.models.Sequential;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code java} block of docs/scale.md against the core and this module, as the
 * core's doc test does for its own docs: a block that starts with {@code package} or {@code
 * import} or declares a top-level type is a compilation unit; any other block is the body of a
 * method that {@code throws Exception}, with every Tensile package, this one, Spark's Java API and
 * {@code java.util}, {@code java.nio.file}, {@code java.io} imported.
 */
class ScaleDocTest {
  private static final Pattern BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
  private static final Pattern UNIT =
      Pattern.compile("(?s)\\s*(package|import|(public\\s+)?(final\\s+)?(class|record|interface|enum)\\s).*");

  @TempDir Path out;

  @Test
  void everyJavaBlockOfTheScaleGuideCompiles() throws IOException, URISyntaxException {
    Path doc = Path.of(System.getProperty("tensile.root", "..")).resolve("docs/scale.md");
    String text = Files.readString(doc);
    String imports = imports();
    List<JavaFileObject> units = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    int count = 0;
    while (m.find()) {
      String code = m.group(1);
      int line = text.substring(0, m.start()).split("\n", -1).length;
      String name = "ScaleDocBlock" + line;
      String source;
      if (UNIT.matcher(code).matches()) {
        source = code;
        Matcher type = Pattern.compile("(?m)^(public\\s+)?(final\\s+)?(class|record|interface|enum)\\s+(\\w+)")
            .matcher(code);
        name = type.find() ? type.group(4) : name;
      } else {
        source = imports + "class " + name + " {\n  static void run() throws Exception {\n" + code
            + "\n  }\n}\n";
      }
      units.add(new Source(name, source));
      count++;
    }
    assertTrue(count >= 3, "expected the guide's java blocks, found " + count);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(problems, Locale.ROOT, null)) {
      List<String> options = List.of("-proc:none", "-d", out.toString(), "-classpath",
          System.getProperty("java.class.path"));
      boolean ok = javac.getTask(null, files, problems, options, null, units).call();
      assertTrue(ok, "docs/scale.md has java blocks that do not compile:\n" + problems
          .getDiagnostics().stream().map(d -> d.getSource().getName() + ":" + d.getLineNumber()
              + ": " + d.getMessage(Locale.ROOT)).reduce("", (a, b) -> a + b + "\n"));
    }
  }

  /** Every package of the core jar (or classes directory), plus this module's and Spark's. */
  private static String imports() throws IOException, URISyntaxException {
    Path core = Path.of(Sequential.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    TreeSet<String> packages = new TreeSet<>();
    if (Files.isDirectory(core)) {
      try (Stream<Path> walk = Files.walk(core)) {
        walk.filter(p -> p.toString().endsWith(".class")
                && !p.getFileName().toString().equals("package-info.class"))
            .forEach(p -> packages.add(core.relativize(p.getParent()).toString().replace('/', '.')));
      }
    } else {
      try (JarFile jar = new JarFile(core.toFile())) {
        jar.stream().map(e -> e.getName())
            .filter(n -> n.endsWith(".class") && n.contains("/") && !n.endsWith("/package-info.class"))
            .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
      }
    }
    StringBuilder b = new StringBuilder();
    for (String p : packages) {
      if (p.startsWith("dev.tensile")) {
        b.append("import ").append(p).append(".*;\n");
      }
    }
    b.append("import dev.tensile.spark.*;\nimport org.apache.spark.api.java.*;\n")
        .append("import org.apache.spark.sql.SparkSession;\nimport org.apache.spark.sql.Row;\n")
        .append("import java.util.*;\nimport java.nio.file.*;\nimport java.io.*;\n");
    return b.toString();
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String name, String code) {
      super(java.net.URI.create("string:///" + name + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
