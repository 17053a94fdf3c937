package org.vigil.crmsh.configure.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlElement;

/**
 * A configuration as crmsh syntax can express it: each object normalized by
 * {@link Equivalence}, empty optional sections dropped, objects of a section sorted by id.
 */
final class Normalized {
  private Normalized() {}

  static XmlElement of(Configuration c) {
    XmlElement conf = CibXml.toElement(c);
    List<XmlElement> sections = new ArrayList<>();
    for (XmlElement s : conf.children()) {
      if (s.children().isEmpty() && s.attributes().isEmpty()) {
        continue;
      }
      List<XmlElement> objects = new ArrayList<>();
      for (XmlElement o : s.children()) {
        XmlElement n = Equivalence.normalize(o);
        objects.add(s.name().equals("fencing-topology") ? n.withAttribute("id", null) : n);
      }
      objects.sort(Comparator.comparing((XmlElement x) -> x.name()).thenComparing(x -> String.valueOf(x.id())));
      sections.add(s.withChildren(objects));
    }
    return conf.withChildren(sections);
  }
}
