package org.vigil.cib.model;

import java.util.List;

/** A resource's operation history on one node ({@code lrm_resource}). */
public record LrmResource(
    String id, String type, String resourceClass, String provider, String container, List<LrmRscOp> ops, Extras extras) {
  public LrmResource {
    ops = List.copyOf(ops);
  }
}
