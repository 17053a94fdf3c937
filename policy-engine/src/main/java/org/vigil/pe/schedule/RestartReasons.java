package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which ordering a restart is said to be "due to" when several made its start required. The
 * actions are visited in the order they were created; an action takes the reason of the
 * latest-declared ordering whose first is required, and once it becomes required that way,
 * what follows it learns at once (depth first) that it is required because of it. So a group
 * member after one recovering on its own is restarted for what restarts the group, the member
 * after it for that member (as crm_simulate says it). A collective's completion ("running") is
 * settled last, so it is the reason only where nothing else is.
 */
final class RestartReasons {
  /** Required before any ordering was followed: they carry no ordering's reason. */
  private final Set<Act> reached;

  RestartReasons(Set<Act> requiredOnTheirOwn) {
    this.reached = new HashSet<>(requiredOnTheirOwn);
  }

  void assign(List<Act> acts) {
    // a collective's completion (running, stopped...) is settled after everything else: what
    // follows it takes another required first's reason where it has one
    for (Act a : acts) {
      if (a.required && !reached.contains(a) && !isCompletion(a)) {
        pull(a);
      }
    }
    for (Act a : acts) {
      if (a.required && !reached.contains(a) && isCompletion(a)) {
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
      if (implies(e)) {
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
