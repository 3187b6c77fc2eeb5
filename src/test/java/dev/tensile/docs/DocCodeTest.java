package dev.tensile.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.tensile.tensor.Tensor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of README.md and docs/*.md as {@link CodeBlock} describes,
 * against the test class path, and runs each one that is not marked {@value
 * CodeBlock#COMPILE_ONLY}: in a JVM of its own, in an empty directory, so that the files a block
 * writes go nowhere. A block that needs a data set this machine lacks is reported skipped. Each
 * block is one test named by its file and line.
 */
class DocCodeTest {
  /** Docs of separate artifacts, whose code those artifacts compile. */
  static final Set<String> EXCLUDED = Set.of("scale.md");

  /** How long one block may run. */
  private static final long RUN_SECONDS = 180;

  @TempDir Path work;

  /** The Markdown files whose code is checked. */
  static List<String> markdownFiles(Path project) throws IOException {
    List<String> files = new ArrayList<>(List.of("README.md"));
    try (Stream<Path> docs = Files.list(project.resolve("docs"))) {
      docs.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md") && !EXCLUDED.contains(n))
          .sorted()
          .forEach(n -> files.add("docs/" + n));
    }
    return files;
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompilesAndRuns() throws IOException {
    Path project = Path.of("").toAbsolutePath();
    List<String> packages = tensilePackages();
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : markdownFiles(project)) {
      for (CodeBlock block : CodeBlock.read(project, file)) {
        tests.add(DynamicTest.dynamicTest(block.toString(), () -> check(block, packages)));
      }
    }
    assertTrue(tests.size() > 10, "found only " + tests.size() + " blocks");
    return tests.stream();
  }

  private void check(CodeBlock block, List<String> packages) throws Exception {
    Path classes = Files.createDirectories(work.resolve("classes-" + block.line()));
    compile(block, packages, classes);
    boolean runnable = !block.isCompilationUnit() || block.hasMain();
    if (runnable && !block.compileOnly()) {
      run(block, classes);
    }
  }

  private static void compile(CodeBlock block, List<String> packages, Path classes)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String className = block.className();
    String source = block.source(packages);
    JavaFileObject unit =
        new SimpleJavaFileObject(
            URI.create("string:///" + className.replace('.', '/') + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      List<String> options =
          List.of("-classpath", testClassPath(), "-proc:none", "-Xlint:none", "-implicit:none");
      StringWriter out = new StringWriter();
      boolean ok =
          javac.getTask(out, files, diagnostics, options, null, List.of(unit)).call();
      if (!ok) {
        StringBuilder message = new StringBuilder(block + " does not compile:\n");
        int shift = block.prefixLines(packages);
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            long line = d.getLineNumber() - shift;
            message
                .append("  ")
                .append(block.file())
                .append(':')
                .append(line >= 1 ? block.line() + line - 1 : block.line())
                .append(": ")
                .append(d.getMessage(Locale.ROOT))
                .append('\n');
          }
        }
        fail(message.append(out).toString());
      }
    }
  }

  private void run(CodeBlock block, Path classes) throws Exception {
    Path dir = Files.createDirectories(work.resolve("run-" + block.line()));
    Path output = work.resolve("output-" + block.line() + ".txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx2g"));
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      command.add("--add-modules=jdk.incubator.vector");
    }
    command.addAll(
        List.of(
            "-cp",
            classes + File.pathSeparator + testClassPath(),
            Launcher.class.getName(),
            block.className()));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      fail(block + " ran longer than " + RUN_SECONDS + " s:\n" + tail(output));
    }
    if (p.exitValue() == Launcher.DATA_UNAVAILABLE) {
      abort(block + " needs a data set this machine lacks:\n" + tail(output));
    }
    assertEquals(0, p.exitValue(), () -> block + " failed when run:\n" + tail(output));
  }

  private static String tail(Path output) {
    try {
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** The class path the tests run with: Surefire names it, else the JVM's. */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null ? surefire : System.getProperty("java.class.path");
  }

  /** Every package of the library's own classes, found beside {@link Tensor}'s class file. */
  static List<String> tensilePackages() throws IOException {
    Path root;
    try {
      root = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    Path base = root.resolve("dev").resolve("tensile");
    List<String> packages = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(base)) {
      for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory).sorted()::iterator) {
        try (Stream<Path> entries = Files.list(d)) {
          // package-info.class alone does not make a package javac can import from.
          if (entries
              .map(f -> f.getFileName().toString())
              .anyMatch(n -> n.endsWith(".class") && !n.equals("package-info.class"))) {
            packages.add(root.relativize(d).toString().replace(File.separatorChar, '.'));
          }
        }
      }
    }
    return packages;
  }
}
