package org.vigil.cib.model;

import java.util.List;

/** A configured resource (or resource template) in {@code <resources>}. */
public sealed interface Resource permits Primitive, Group, Clone, Bundle, Template {
  String id();

  String description();

  List<NvSet> instanceAttributes();

  List<NvSet> metaAttributes();

  Extras extras();

  /** This resource and every resource nested in it, depth first, the resource first. */
  default List<Resource> selfAndDescendants() {
    List<Resource> out = new java.util.ArrayList<>();
    collect(this, out);
    return out;
  }

  private static void collect(Resource r, List<Resource> out) {
    out.add(r);
    if (r instanceof Group g) {
      g.members().forEach(m -> collect(m, out));
    } else if (r instanceof Clone c) {
      collect(c.child(), out);
    } else if (r instanceof Bundle b && b.primitive() != null) {
      collect(b.primitive(), out);
    }
  }
}
