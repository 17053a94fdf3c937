package org.vigil.cib.model;

import java.util.List;

/** {@code rsc_location}: a score for a resource on a node, or rules that compute scores. */
public record Location(
    String id,
    String rsc,
    String rscPattern,
    String role,
    String score,
    String node,
    String resourceDiscovery,
    List<Rule> rules,
    List<ResourceSet> sets,
    Extras extras)
    implements Constraint {
  public Location {
    rules = List.copyOf(rules);
    sets = List.copyOf(sets);
  }
}
