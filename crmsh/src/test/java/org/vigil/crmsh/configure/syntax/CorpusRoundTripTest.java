package org.vigil.crmsh.configure.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;

/**
 * Every CIB of the Pacemaker 2.1.5 conformance corpus: {@code show} it as crmsh syntax, load
 * that text into an empty configuration, and get the same configuration back (up to the ids
 * crmsh generates).
 */
class CorpusRoundTripTest {
  static final Path CORPUS = Path.of(System.getProperty("vigil.corpus",
      "/work/shared/conformance/pacemaker-2.1.5/xml"));

  @Test
  void everyCorpusCibRoundTripsThroughCrmshSyntax() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(CORPUS), "conformance corpus not present");
    List<Path> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    List<String> failures = new ArrayList<>();
    int ok = 0;
    for (Path f : files) {
      Cib cib = CibXml.read(f);
      String text = Printer.print(new Workspace(cib, AgentCatalog.ANY).configuration());
      if (System.getProperty("vigil.printTo") != null) {
        Files.writeString(Path.of(System.getProperty("vigil.printTo"), f.getFileName().toString()
            .replace(".xml", ".crm")), text);
      }
      try {
        Workspace loaded = new Workspace(Cib.empty(), AgentCatalog.ANY);
        loaded.replaceAll(Lexer.statements(text));
        if (Normalized.of(loaded.candidate().configuration()).equals(Normalized.of(cib.configuration()))) {
          ok++;
        } else {
          failures.add(f.getFileName() + ": configuration differs: " + firstDifference(
              Normalized.of(cib.configuration()).toString(), Normalized.of(loaded.candidate().configuration()).toString()));
        }
      } catch (RuntimeException e) {
        failures.add(f.getFileName() + ": " + e.getMessage());
      }
    }
    System.out.println("crmsh syntax round trip: " + ok + " of " + files.size() + " corpus CIBs");
    failures.stream().limit(Integer.getInteger("vigil.showFailures", 0)).forEach(System.out::println);
    assertThat(failures).isEmpty();
  }

  static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n");
    String[] b = actual.split("\n");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<end>";
      String y = i < b.length ? b[i] : "<end>";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": expected " + x.strip() + " but got " + y.strip();
      }
    }
    return "none";
  }
}
