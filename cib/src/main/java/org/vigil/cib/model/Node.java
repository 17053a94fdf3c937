package org.vigil.cib.model;

import java.util.List;

/** A configured cluster node: {@code <node id uname type>} with attributes and utilization. */
public record Node(
    String id,
    String uname,
    String type,
    String description,
    List<NvSet> instanceAttributes,
    List<NvSet> utilization,
    Extras extras) {
  public Node {
    instanceAttributes = List.copyOf(instanceAttributes);
    utilization = List.copyOf(utilization);
  }

  public static Node of(String id, String uname) {
    return new Node(id, uname, null, null, List.of(), List.of(), Extras.NONE);
  }
}
