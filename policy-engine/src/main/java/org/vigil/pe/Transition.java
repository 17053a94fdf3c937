package org.vigil.pe;

import java.util.List;

/**
 * What the scheduler decided.
 *
 * @param summary the "Transition Summary" lines as crm_simulate prints them, without the
 *     leading two spaces (e.g. {@code * Start      rsc1     ( node1 )})
 * @param actions the transition graph, in an order that respects every predecessor
 * @param messages what the scheduler reports on the way (configuration errors and warnings),
 *     as crm_simulate prints them on stderr (e.g. {@code warning: ...}, {@code error: ...})
 */
public record Transition(List<String> summary, List<GraphAction> actions, List<String> messages) {
  public Transition {
    summary = List.copyOf(summary);
    actions = List.copyOf(actions);
    messages = List.copyOf(messages);
  }

  public static final Transition EMPTY = new Transition(List.of(), List.of(), List.of());

  public boolean isEmpty() {
    return actions.isEmpty();
  }
}
