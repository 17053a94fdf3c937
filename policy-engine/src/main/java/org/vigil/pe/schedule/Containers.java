package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.List;
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
    int total = 0;
    for (Contained c : contained) {
      if (c.container() == container) {
        total = Score.add(total, c.resource().state.failCount(node));
      }
    }
    return total;
  }

  /**
   * Whether {@code r} runs inside a container that its history on {@code node} shows stopped
   * there: what is inside cannot be there either, so it is not probed.
   */
  boolean containerStoppedOn(Rsc r, String node) {
    for (Contained c : contained) {
      if (c.resource() == r) {
        NodeHistory h = c.container().state.history(node);
        return h != null && !h.active();
      }
    }
    return false;
  }

  /** What runs inside a container; a container restart restarts it. */
  List<Contained> all() {
    return contained;
  }
}
