package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.values.Score;
import org.vigil.pe.status.NodeHistory;

/**
 * Resources that run inside a container resource (the {@code container} meta attribute): they
 * run where the container runs, start after it and stop before it, and a failure of one of
 * them is recovered by restarting the container (and with it everything inside).
 */
final class Containers {
  /** A contained primitive and its container. */
  record Contained(Rsc resource, Rsc container) {}

  private final List<Contained> contained = new ArrayList<>();
  /** The resources inside each container, and each resource's container (looked up per resource and node). */
  private final Map<Rsc, List<Rsc>> inside = new HashMap<>();
  private final Map<Rsc, Rsc> containerOf = new HashMap<>();

  Containers(Model m) {
    for (Rsc r : m.byId.values()) {
      if (!r.isPrimitive() || r.enclosingClone() != null) {
        continue;
      }
      String id = r.meta.get("container").orElse(null);
      Rsc container = id == null ? null : m.byId.get(id);
      // a guest's container hosts a node: what names it runs in that node, not beside it
      if (container != null && container != r && container.isPrimitive() && !m.remotes.isContainer(container)) {
        contained.add(new Contained(r, container));
        inside.computeIfAbsent(container, k -> new ArrayList<>()).add(r);
        containerOf.putIfAbsent(r, container);
      }
    }
  }

  void addConstraints(Model m) {
    for (Contained c : contained) {
      m.colocate("container:" + c.container().id, c.resource(), c.container(), Score.INFINITY, null, null, null);
      m.order("container:" + c.container().id, c.container(), "start", c.resource(), "start",
          Ordering.Kind.MANDATORY, true);
    }
  }

  /** The fail counts on {@code node} of the resources inside {@code container}. */
  int insideFailCount(Rsc container, String node) {
    List<Rsc> resources = inside.get(container);
    if (resources == null) {
      return 0;
    }
    int total = 0;
    for (Rsc r : resources) {
      total = Score.add(total, r.state.failCount(node));
    }
    return total;
  }

  /**
   * Whether {@code r} runs inside a container that its history on {@code node} shows stopped
   * there: what is inside cannot be there either, so it is not probed.
   */
  boolean containerStoppedOn(Rsc r, String node) {
    Rsc container = containerOf.get(r);
    if (container == null) {
      return false;
    }
    NodeHistory h = container.state.history(node);
    return h != null && !h.active();
  }

  /** What runs inside a container; a container restart restarts it. */
  List<Contained> all() {
    return contained;
  }
}
