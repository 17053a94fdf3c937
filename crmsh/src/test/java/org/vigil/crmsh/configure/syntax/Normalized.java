package org.vigil.crmsh.configure.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlElement;

/**
 * A configuration as crmsh syntax can express it: generated ids (of sets, pairs, ops, rules,
 * expressions) dropped, empty optional sections dropped, objects of a section sorted by id.
 */
final class Normalized {
  /** Elements whose id the user names in crmsh syntax (everything else gets a generated one). */
  private static final Set<String> NAMED = Set.of("primitive", "template", "group", "clone", "master", "bundle",
      "rsc_location", "rsc_colocation", "rsc_order", "rsc_ticket", "node", "tag", "obj_ref", "resource_ref",
      "acl_role", "acl_target", "acl_user", "role", "alert", "port-mapping", "storage-mapping",
      "cluster_property_set");

  private Normalized() {}

  static XmlElement of(Configuration c) {
    return strip(CibXml.toElement(c), 0);
  }

  private static XmlElement strip(XmlElement e, int depth) {
    XmlElement out = e;
    if (!NAMED.contains(e.name()) && e.attr("id") != null && !(depth == 2 && e.name().equals("meta_attributes"))) {
      out = out.withAttribute("id", null);
    }
    List<XmlElement> children = new ArrayList<>();
    for (XmlElement c : out.children()) {
      if (depth == 0 && c.children().isEmpty() && c.attributes().isEmpty()) {
        continue;
      }
      children.add(strip(c, depth + 1));
    }
    if (depth == 1) {
      children.sort(Comparator.comparing((XmlElement x) -> x.name()).thenComparing(x -> String.valueOf(x.id())));
    }
    return out.withChildren(children);
  }
}
