package org.vigil.crmsh.configure.syntax;

import java.util.List;
import org.vigil.cib.xml.XmlElement;

/**
 * What one crmsh statement defines: its kind, the CIB element crmsh writes for it, and for
 * groups, clones and bundles the ids of existing resources it takes inside ({@code element}
 * then lacks those children; the workspace moves them in).
 */
public record CibObject(Kind kind, String id, XmlElement element, List<String> children) {
  public CibObject {
    children = List.copyOf(children);
  }
}
