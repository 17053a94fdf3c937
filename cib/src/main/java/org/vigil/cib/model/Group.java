package org.vigil.cib.model;

import java.util.List;

/** A group: primitives started in order on one node and stopped in reverse. */
public record Group(
    String id,
    String description,
    List<Primitive> members,
    List<NvSet> instanceAttributes,
    List<NvSet> metaAttributes,
    Extras extras)
    implements Resource {
  public Group {
    members = List.copyOf(members);
    instanceAttributes = List.copyOf(instanceAttributes);
    metaAttributes = List.copyOf(metaAttributes);
  }
}
