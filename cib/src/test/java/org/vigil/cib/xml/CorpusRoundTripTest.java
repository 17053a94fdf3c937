package org.vigil.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.TestData;
import org.vigil.cib.model.Cib;

/** Every CIB of Pacemaker's scheduler corpus survives load, write, load unchanged. */
class CorpusRoundTripTest {

  @Test
  void everyCorpusCibRoundTripsToAnEqualModel() throws Exception {
    assumeTrue(Files.isDirectory(TestData.corpusXml()), "conformance corpus not found at " + TestData.corpusXml());
    List<String> failures = new ArrayList<>();
    int count = 0;
    for (Path f : TestData.corpusFiles()) {
      count++;
      Cib first = CibXml.read(f);
      String written = CibXml.write(first);
      Cib second = CibXml.parse(written, f + " (rewritten)");
      if (!first.equals(second)) {
        failures.add(f.getFileName().toString());
      }
      // the XML trees agree too, not just the models
      XmlElement originalTree = XmlCodec.parse(Files.readString(f), f.toString());
      if (!sameMeaning(originalTree, CibXml.toElement(first))) {
        failures.add(f.getFileName() + " (tree)");
      }
    }
    assertThat(count).isGreaterThan(600);
    assertThat(failures).isEmpty();
  }

  private static final java.util.Set<String> OPTIONAL_SECTIONS =
      java.util.Set.of("rsc_defaults", "op_defaults", "fencing-topology", "alerts", "tags", "tickets");

  /** An empty optional section means what its absence means. */
  private static List<XmlElement> meaningfulChildren(XmlElement e) {
    return e.children().stream()
        .filter(c -> !(OPTIONAL_SECTIONS.contains(c.name()) && c.children().isEmpty() && c.attributes().isEmpty()))
        .toList();
  }

  /**
   * Same names, attributes and text; children in the same order within each element name
   * (the order between different names carries no meaning inside one element, except in
   * resources and constraints, which the model keeps in one list).
   */
  static boolean sameMeaning(XmlElement a, XmlElement b) {
    if (!a.name().equals(b.name()) || !a.attributes().equals(b.attributes()) || !a.text().equals(b.text())) {
      return false;
    }
    List<XmlElement> ac = meaningfulChildren(a);
    List<XmlElement> bc = meaningfulChildren(b);
    if (ac.size() != bc.size()) {
      return false;
    }
    if (a.name().equals("resources") || a.name().equals("constraints")) {
      for (int i = 0; i < ac.size(); i++) {
        if (!sameMeaning(ac.get(i), bc.get(i))) {
          return false;
        }
      }
      return true;
    }
    java.util.Map<String, List<XmlElement>> byName = new java.util.HashMap<>();
    for (XmlElement c : bc) {
      byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
    }
    java.util.Map<String, Integer> next = new java.util.HashMap<>();
    for (XmlElement c : ac) {
      List<XmlElement> candidates = byName.get(c.name());
      int i = next.merge(c.name(), 1, Integer::sum) - 1;
      if (candidates == null || i >= candidates.size() || !sameMeaning(c, candidates.get(i))) {
        return false;
      }
    }
    return true;
  }
}
