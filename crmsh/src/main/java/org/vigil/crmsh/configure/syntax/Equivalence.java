package org.vigil.crmsh.configure.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.cib.xml.XmlElement;

/**
 * What crmsh syntax preserves of a CIB element: ids the user names are kept, ids crmsh
 * generates (of sets, pairs, ops, rules, expressions) are dropped, and spellings with the same
 * meaning are made one (+INFINITY and INFINITY, an explicit boolean-op="and", an empty
 * operations block).
 */
public final class Equivalence {
  private static final Set<String> NAMED = Set.of("primitive", "template", "group", "clone", "master", "bundle",
      "rsc_location", "rsc_colocation", "rsc_order", "rsc_ticket", "node", "tag", "obj_ref", "resource_ref",
      "acl_role", "acl_target", "acl_user", "role", "alert", "port-mapping", "storage-mapping",
      "cluster_property_set");
  private static final Set<String> RESOURCES = Set.of("primitive", "template", "group", "clone", "master", "bundle");

  private Equivalence() {}

  /** The element as crmsh syntax can express it; {@code top} is the object itself (its set ids kept). */
  public static XmlElement normalize(XmlElement e) {
    return strip(e, true);
  }

  /** A container without the resources inside it, which are objects of their own. */
  public static XmlElement shallow(XmlElement e) {
    return e.withoutChildren(c -> RESOURCES.contains(c.name()));
  }

  private static XmlElement strip(XmlElement e, boolean top) {
    XmlElement out = e;
    if (!top && !NAMED.contains(e.name()) && e.attr("id") != null) {
      out = out.withAttribute("id", null);
    }
    if ("and".equals(e.attr("boolean-op"))) {
      out = out.withAttribute("boolean-op", null);
    }
    for (String a : List.of("score", "score-attribute")) {
      if ("+INFINITY".equals(out.attr(a))) {
        out = out.withAttribute(a, "INFINITY");
      }
    }
    if (e.name().equals("resource_set")) {
      for (String a : List.of("sequential", "require-all")) {
        if ("true".equals(out.attr(a))) {
          out = out.withAttribute(a, null);
        }
      }
    }
    List<XmlElement> children = new ArrayList<>();
    for (XmlElement c : out.children()) {
      if (c.name().equals("operations") && c.children().isEmpty() && c.attributes().isEmpty()) {
        continue;
      }
      children.add(strip(c, false));
    }
    if (e.name().equals("primitive") || e.name().equals("template")) {
      // Where operations stand among the sets has no meaning; the sets' own order does.
      children.sort(java.util.Comparator.comparingInt(c -> c.name().equals("operations") ? 1 : 0));
    }
    return out.withChildren(children);
  }
}
