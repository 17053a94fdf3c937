package org.vigil.cib.model;

import java.util.List;
import java.util.Optional;

/** The {@code <status>} section: node states and tickets. */
public record Status(List<NodeState> nodeStates, List<TicketState> tickets, boolean hasTicketsElement, Extras extras) {
  public Status {
    nodeStates = List.copyOf(nodeStates);
    tickets = List.copyOf(tickets);
  }

  public static final Status EMPTY = new Status(List.of(), List.of(), false, Extras.NONE);

  public Optional<NodeState> nodeState(String idOrUname) {
    for (NodeState n : nodeStates) {
      if (idOrUname.equals(n.id()) || idOrUname.equals(n.uname())) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }
}
