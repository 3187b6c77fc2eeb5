package dev.tensile.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README lists every runtime dependency the pom declares, with its version. */
class RuntimeDependenciesTest {
  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void readmeListsEveryDirectRuntimeDependency() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    String project = pom.substring(0, pom.indexOf("<build>"));
    String readme = Files.readString(Path.of("README.md"));
    List<String> missing = new ArrayList<>();
    Matcher m = DEPENDENCY.matcher(project);
    int runtime = 0;
    while (m.find()) {
      String dep = m.group(1).replaceAll("(?s)<exclusions>.*?</exclusions>", "");
      String scope = tag(dep, "scope");
      if ("test".equals(scope) || "provided".equals(scope)) {
        continue;
      }
      runtime++;
      String version = tag(dep, "version");
      if (version != null && version.startsWith("${")) {
        version = tag(pom, version.substring(2, version.length() - 1));
      }
      String row = "| `" + tag(dep, "groupId") + ":" + tag(dep, "artifactId") + "` | " + version + " |";
      if (!readme.contains(row)) {
        missing.add(row);
      }
    }
    assertTrue(runtime > 0, "no runtime dependency found in pom.xml");
    assertTrue(
        missing.isEmpty(),
        "README's runtime dependency table lacks these rows (mvn dependency:list"
            + " -DincludeScope=runtime lists them all, transitive ones too): "
            + missing);
  }
}
