package org.vigil.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module map of DESIGN.md, checked on the sources: which module may import what, and the
 * scheduler's purity (no I/O, no clock, no threads). Maven's module graph already stops a
 * module from compiling against a module it does not declare; this test also covers the JDK
 * and third-party packages that the graph cannot see.
 */
class ArchitectureTest {
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?;", Pattern.MULTILINE);

  private static Path root() {
    String prop = System.getProperty("vigil.root");
    return prop != null ? Path.of(prop) : Path.of("..").toAbsolutePath().normalize();
  }

  /** "file: import" for every import in a module's main sources matching {@code forbidden}. */
  private static List<String> imports(String module, Pattern forbidden) throws IOException {
    Path src = root().resolve(module).resolve("src/main/java");
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(src)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          if (forbidden.matcher(m.group(2)).lookingAt()) {
            out.add(root().relativize(f) + ": " + m.group(2));
          }
        }
      }
    }
    return out;
  }

  private static List<String> uses(String module, Pattern code) throws IOException {
    Path src = root().resolve(module).resolve("src/main/java");
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = code.matcher(Files.readString(f));
        while (m.find()) {
          out.add(root().relativize(f) + ": " + m.group());
        }
      }
    }
    return out;
  }

  @Test
  void onlyMembershipImportsJGroups() throws IOException {
    for (String module : List.of("cib", "policy-engine", "lrm", "protocol", "controller", "crmsh")) {
      assertThat(imports(module, Pattern.compile("org\\.jgroups"))).as(module).isEmpty();
    }
  }

  @Test
  void thePolicyEngineDoesNoIoAndReadsNoClock() throws IOException {
    assertThat(imports("policy-engine", Pattern.compile("java\\.(io|nio|net)\\.|java\\.util\\.concurrent|java\\.time\\.Clock")))
        .isEmpty();
    assertThat(uses("policy-engine", Pattern.compile("System\\.(currentTimeMillis|nanoTime|getenv)|Instant\\.now|"
        + "LocalDateTime\\.now|ZonedDateTime\\.now|new Thread|new Random\\(\\)"))).isEmpty();
  }

  @Test
  void foundationModulesDependOnNothingOfOurs() throws IOException {
    assertThat(imports("cib", Pattern.compile("org\\.vigil\\.(?!cib)"))).isEmpty();
    assertThat(imports("lrm", Pattern.compile("org\\.vigil\\.(?!lrm)"))).isEmpty();
    assertThat(imports("membership", Pattern.compile("org\\.vigil\\.(?!membership)"))).isEmpty();
    assertThat(imports("policy-engine", Pattern.compile("org\\.vigil\\.(?!pe|cib)"))).isEmpty();
  }

  @Test
  void theShellNeverReachesIntoTheDaemon() throws IOException {
    assertThat(imports("crmsh", Pattern.compile("org\\.vigil\\.(controller|membership)"))).isEmpty();
    assertThat(imports("protocol", Pattern.compile("org\\.vigil\\.(controller|membership|lrm|pe)"))).isEmpty();
  }
}
