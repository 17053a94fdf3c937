package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which ordering a restart is said to be "due to" when several made its start required,
 * modelled on what crm_simulate prints. The actions are visited in the order they were
 * created. An action takes the reason of the latest-declared ordering whose first (an action
 * of a resource) is required, else of the earliest-declared one whose first is a collective's
 * completion ("G running"); once it becomes required that way, what follows it learns at once
 * (depth first) that it is required because of it. So a group member after one recovering on
 * its own is restarted for what restarts its group, the member after it for that member, and a
 * group starting is named only when nothing else restarts the resource.
 */
final class RestartReasons {
  /** Required before any ordering was followed: they carry no ordering's reason. */
  private final Set<Act> reached;

  RestartReasons(Set<Act> requiredOnTheirOwn) {
    this.reached = new HashSet<>(requiredOnTheirOwn);
  }

  void assign(List<Act> acts) {
    // a collective completes when its members do: that is not a change that travels on
    for (Act a : acts) {
      if (a.required && isCompletion(a)) {
        reached.add(a);
      }
    }
    for (Act a : acts) {
      if (a.required && !reached.contains(a)) {
        pull(a);
      }
    }
  }

  private static boolean isCompletion(Act a) {
    return a.type == Act.Type.PSEUDO && a.rsc != null && !a.task.equals("start") && !a.task.equals("stop")
        && !a.task.equals("promote") && !a.task.equals("demote");
  }

  private void pull(Act t) {
    List<Act.Edge> in = new ArrayList<>(t.in);
    for (int i = in.size() - 1; i >= 0; i--) {
      Act.Edge e = in.get(i);
      if (!isCompletion(e.first()) && implies(e)) {
        become(t, e);
        return;
      }
    }
    for (Act.Edge e : in) {
      if (isCompletion(e.first()) && implies(e)) {
        become(t, e);
        return;
      }
    }
  }

  private void push(Act a) {
    for (Act.Edge e : a.out) {
      Act t = e.then();
      if (t.required && !reached.contains(t) && implies(e)) {
        become(t, e);
      }
    }
  }

  private boolean implies(Act.Edge e) {
    return (e.flags() & Act.Edge.IMPLIES_THEN) != 0 && reached.contains(e.first()) && e.first().runnable;
  }

  private void become(Act t, Act.Edge e) {
    reached.add(t);
    String reason = Planner.reasonThrough(e);
    if (reason != null) {
      t.requiredBy = reason;
    }
    push(t);
  }
}
