package org.vigil.cib.model;

import java.util.List;

/** {@code rsc_colocation}: place {@code rsc} relative to where {@code with-rsc} is placed. */
public record Colocation(
    String id,
    String rsc,
    String withRsc,
    String rscRole,
    String withRscRole,
    String score,
    String nodeAttribute,
    List<ResourceSet> sets,
    Extras extras)
    implements Constraint {
  public Colocation {
    sets = List.copyOf(sets);
  }
}
