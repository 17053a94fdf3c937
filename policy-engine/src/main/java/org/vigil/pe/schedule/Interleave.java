package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.List;
import org.vigil.cib.values.Booleans;

/**
 * Orderings between two clones whose dependent clone is interleaved: each of its instances
 * waits only for the other clone's instance on the same node, not for the whole clone. An
 * instance with no counterpart on its node cannot start (or be promoted) when the ordering
 * is mandatory.
 */
final class Interleave {
  private Interleave() {}

  /**
   * Both sides are clones, the dependent one (the constraint's then) has interleave set, and
   * the constraint does not wait for a number of instances (clone-min, require-all=false).
   */
  static boolean applies(Ordering o) {
    return !o.countsInstances() && o.first().isClone() && o.then().isClone() && o.first() != o.then()
        && Booleans.isTrue(o.dependent().meta.get("interleave").orElse(null), false);
  }

  static void order(Planner p, Ordering o, int flags) {
    boolean forward = starting(o.thenAction());
    for (Rsc then : o.then().children) {
      int node = forward ? assignedNode(then) : currentNode(p.m, then);
      if (node < 0) {
        continue;
      }
      Rsc first = instanceOn(p.m, o.first(), node, forward);
      List<Act> thens = instanceActs(p, then, o.thenAction(), false);
      if (first == null) {
        if ((flags & Act.Edge.RUNNABLE_LEFT) != 0 && forward) {
          for (Act t : thens) {
            t.runnable = false;
          }
        }
        continue;
      }
      for (Act f : instanceActs(p, first, o.firstAction(), true)) {
        for (Act t : thens) {
          p.edge(f, t, flags | Planner.SILENT);
        }
      }
    }
  }

  private static boolean starting(String action) {
    return action.equals("start") || action.equals("promote");
  }

  /** The instance of {@code clone} assigned to {@code node} (or, for stops, running there), or null. */
  private static Rsc instanceOn(Model m, Rsc clone, int node, boolean assigned) {
    for (Rsc inst : clone.children) {
      if ((assigned ? assignedNode(inst) : currentNode(m, inst)) == node) {
        return inst;
      }
    }
    return null;
  }

  private static int assignedNode(Rsc inst) {
    return inst.isPrimitive() ? inst.node : inst.primitives().get(0).node;
  }

  /** Where an instance runs now (its first primitive's node), -1 when stopped. */
  private static int currentNode(Model m, Rsc inst) {
    Rsc first = inst.isPrimitive() ? inst : inst.primitives().get(0);
    List<String> active = first.state.activeNodes();
    return active.isEmpty() ? -1 : m.nodeIndex.getOrDefault(active.get(0), -1);
  }

  /** The actions of one instance that an ordering on {@code action} binds. */
  private static List<Act> instanceActs(Planner p, Rsc inst, String action, boolean asFirst) {
    return switch (action) {
      case "start" -> asFirst ? p.runningOf(inst) : p.startsOf(inst);
      case "stop" -> asFirst ? p.stoppedOf(inst) : p.stopsOf(inst);
      case "promote" -> roleActs(inst, p.promotes);
      case "demote" -> roleActs(inst, p.demotes);
      default -> List.of();
    };
  }

  private static List<Act> roleActs(Rsc inst, java.util.Map<Rsc, Act> acts) {
    List<Act> out = new ArrayList<>();
    for (Rsc prim : inst.primitives()) {
      Act a = acts.get(prim);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }
}
