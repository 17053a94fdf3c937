package org.vigil.cib.model;

import java.util.List;

/** A constraint in {@code <constraints>}. */
public sealed interface Constraint permits Location, Colocation, Order, TicketConstraint {
  String id();

  List<ResourceSet> sets();

  Extras extras();
}
