package org.vigil.cib.model;

import java.util.List;
import java.util.Optional;

/**
 * A set of name/value pairs: {@code instance_attributes}, {@code meta_attributes},
 * {@code utilization}, {@code cluster_property_set}. Which one it is follows from where it
 * stands. An optional rule decides whether it applies; the score orders sets.
 */
public record NvSet(String id, String idRef, String score, Rule rule, List<NvPair> pairs, Extras extras) {
  public NvSet {
    pairs = List.copyOf(pairs);
  }

  public static NvSet of(String id, List<NvPair> pairs) {
    return new NvSet(id, null, null, null, pairs, Extras.NONE);
  }

  /** The value of the first pair with this name. */
  public Optional<String> get(String name) {
    for (NvPair p : pairs) {
      if (name.equals(p.name())) {
        return Optional.ofNullable(p.value());
      }
    }
    return Optional.empty();
  }
}
