package org.vigil.cib.model;

import java.util.List;

/** A {@code <resource_set>} inside a constraint: resources in order with shared options. */
public record ResourceSet(
    String id,
    String idRef,
    String sequential,
    String requireAll,
    String ordering,
    String action,
    String role,
    String score,
    String kind,
    List<String> resources,
    Extras extras) {
  public ResourceSet {
    resources = List.copyOf(resources);
  }
}
