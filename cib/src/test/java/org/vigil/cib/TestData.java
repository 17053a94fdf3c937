package org.vigil.cib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the shared conformance corpus lives (../shared beside the repository). */
public final class TestData {
  private TestData() {}

  public static Path shared() {
    String prop = System.getProperty("vigil.shared");
    Path p = prop != null ? Path.of(prop) : Path.of("../../shared");
    if (!Files.isDirectory(p)) {
      p = Path.of("../shared");
    }
    return p.toAbsolutePath().normalize();
  }

  public static Path corpusXml() {
    return shared().resolve("conformance/pacemaker-2.1.5/xml");
  }

  public static List<Path> corpusFiles() throws IOException {
    try (Stream<Path> s = Files.list(corpusXml())) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }
}
