package org.vigil.cib.model;

import java.util.List;

/** A node's {@code transient_attributes}: fail counts, last failures, promotion scores, standby... */
public record TransientAttributes(String id, List<NvSet> sets, Extras extras) {
  public TransientAttributes {
    sets = List.copyOf(sets);
  }
}
