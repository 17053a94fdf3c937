package org.vigil.cib.model;

import java.util.List;

/** {@code rsc_order}: an action of {@code first} before an action of {@code then}. */
public record Order(
    String id,
    String first,
    String then,
    String firstAction,
    String thenAction,
    String kind,
    String score,
    String symmetrical,
    String requireAll,
    List<ResourceSet> sets,
    Extras extras)
    implements Constraint {
  public Order {
    sets = List.copyOf(sets);
  }
}
