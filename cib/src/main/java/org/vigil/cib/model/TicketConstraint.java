package org.vigil.cib.model;

import java.util.List;

/** {@code rsc_ticket}: a resource depends on a ticket, with a loss policy. */
public record TicketConstraint(
    String id,
    String rsc,
    String rscRole,
    String ticket,
    String lossPolicy,
    List<ResourceSet> sets,
    Extras extras)
    implements Constraint {
  public TicketConstraint {
    sets = List.copyOf(sets);
  }
}
