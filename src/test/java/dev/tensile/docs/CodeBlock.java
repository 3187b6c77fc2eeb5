package dev.tensile.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown file, and how the docs' convention compiles it: as a
 * compilation unit if it starts with {@code package} or {@code import} or declares a top-level
 * type, else as the body of a method declared {@code throws Exception}.
 *
 * @param file the Markdown file, relative to the project
 * @param line the line of the file that holds the block's first line of code
 * @param code the block's lines, without the fences
 * @param compileOnly true if the line before the opening fence is {@value #COMPILE_ONLY}
 */
record CodeBlock(String file, int line, String code, boolean compileOnly) {
  /** The marker, on the line just before a block's fence, of a block that is compiled, not run. */
  static final String COMPILE_ONLY = "<!-- doc-test: compile only -->";

  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile(
          "^(?:(?:public|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s+(\\w+)",
          Pattern.MULTILINE);
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s+(\\w+)",
          Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern MAIN =
      Pattern.compile("public\\s+static\\s+void\\s+main\\s*\\(\\s*String");

  /**
   * Reads every {@code ```java} block of a Markdown file.
   *
   * @param project the project's directory
   * @param relative the file, relative to {@code project}
   * @return the blocks, in order
   * @throws IOException if the file cannot be read
   */
  static List<CodeBlock> read(Path project, String relative) throws IOException {
    List<String> lines = Files.readAllLines(project.resolve(relative));
    List<CodeBlock> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```java")) {
        continue;
      }
      boolean compileOnly = i > 0 && lines.get(i - 1).strip().equals(COMPILE_ONLY);
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      if (end == lines.size()) {
        throw new IllegalStateException(relative + ":" + (start) + ": a ```java block never ends");
      }
      String code = String.join("\n", lines.subList(start, end)) + "\n";
      blocks.add(new CodeBlock(relative, start + 1, code, compileOnly));
      i = end;
    }
    return blocks;
  }

  /**
   * Tells whether the block is a compilation unit rather than a method body.
   *
   * @return true if it starts with {@code package} or {@code import} or declares a top-level type
   */
  boolean isCompilationUnit() {
    for (String l : code.split("\n")) {
      String s = l.strip();
      if (s.isEmpty() || s.startsWith("//") || s.startsWith("/*") || s.startsWith("*")) {
        continue;
      }
      if (s.startsWith("package ") || s.startsWith("import ")) {
        return true;
      }
      break;
    }
    return TOP_LEVEL_TYPE.matcher(code).find();
  }

  /**
   * Tells whether a compilation unit has a {@code main} method to run.
   *
   * @return true if it declares {@code public static void main(String...)}
   */
  boolean hasMain() {
    return MAIN.matcher(code).find();
  }

  /**
   * The binary name of the class the block compiles to: its public type, or {@code DocBlock} for a
   * method body.
   *
   * @return the class name, with its package if it declares one
   */
  String className() {
    if (!isCompilationUnit()) {
      return "DocBlock";
    }
    Matcher type = PUBLIC_TYPE.matcher(code);
    Matcher any = TOP_LEVEL_TYPE.matcher(code);
    String simple = type.find() ? type.group(1) : any.find() ? any.group(1) : "DocUnit";
    Matcher pkg = PACKAGE.matcher(code);
    return pkg.find() ? pkg.group(1) + "." + simple : simple;
  }

  /**
   * The Java source the block compiles as.
   *
   * @param packages every {@code dev.tensile} package, each imported on demand by a method body
   * @return the source text
   */
  String source(List<String> packages) {
    return isCompilationUnit() ? code : prefix(packages) + code + SUFFIX;
  }

  /**
   * How many lines a method body is preceded by in {@link #source}.
   *
   * @param packages as for {@link #source}
   * @return the number of generated lines before the block's first line
   */
  int prefixLines(List<String> packages) {
    return isCompilationUnit() ? 0 : (int) prefix(packages).chars().filter(c -> c == '\n').count();
  }

  private static final String SUFFIX = "  }\n}\n";

  private static String prefix(List<String> packages) {
    StringBuilder s = new StringBuilder();
    for (String p : packages) {
      s.append("import ").append(p).append(".*;\n");
    }
    s.append("import java.util.*;\nimport java.nio.file.*;\nimport java.io.*;\n");
    s.append("public class DocBlock {\n  public static void main(String[] args) throws Exception {\n");
    return s.toString();
  }

  /**
   * Names the block as a test does: file and line.
   *
   * @return for example {@code README.md:52}
   */
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
