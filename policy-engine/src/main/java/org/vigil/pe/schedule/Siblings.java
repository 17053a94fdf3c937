package org.vigil.pe.schedule;

import java.util.ArrayList;
import java.util.List;
import org.vigil.pe.status.NodeHistory;
import org.vigil.pe.status.ResourceState;

/**
 * The instances that stand for the same resource (every instance of an anonymous clone's
 * primitive, else the resource alone) and what {@link Allocator} asks of all of them for each
 * one of them: worked out once, not once per instance.
 */
final class Siblings {
  /** A fail count one of the instances has on a node. */
  record FailCountOn(ResourceState state, int node, int count) {}

  final List<Rsc> members;
  private final Model m;
  private boolean[] hardFailed;
  private List<FailCountOn> failCounts;
  private boolean[] probed;
  private boolean[] active;

  Siblings(Model m, List<Rsc> members) {
    this.m = m;
    this.members = members;
  }

  /** The nodes where one of them had a hard error or a fatal failure. */
  boolean[] hardFailed() {
    if (hardFailed == null) {
      hardFailed = new boolean[m.nodeCount()];
      for (Rsc same : members) {
        for (NodeHistory h : same.state.histories().values()) {
          Integer idx = m.nodeIndex.get(h.node());
          if (idx != null && (h.hardError() || h.fatal())) {
            hardFailed[idx] = true;
          }
        }
      }
    }
    return hardFailed;
  }

  /** Their fail counts on the model's nodes. */
  List<FailCountOn> failCounts() {
    if (failCounts == null) {
      failCounts = new ArrayList<>(0);
      for (Rsc same : members) {
        for (var e : same.state.failCounts().entrySet()) {
          Integer idx = m.nodeIndex.get(e.getKey());
          if (idx != null) {
            failCounts.add(new FailCountOn(same.state, idx, e.getValue().count()));
          }
        }
      }
    }
    return failCounts;
  }

  /** Whether one of them has a history (was probed) on the node. */
  boolean probedOn(int node) {
    if (probed == null) {
      probed = new boolean[m.nodeCount()];
      active = new boolean[m.nodeCount()];
      for (Rsc same : members) {
        for (var e : same.state.histories().entrySet()) {
          Integer idx = m.nodeIndex.get(e.getKey());
          if (idx != null) {
            probed[idx] = true;
            active[idx] |= e.getValue().active();
          }
        }
      }
    }
    return probed[node];
  }

  /** Whether one of them is active on the node. */
  boolean activeOn(int node) {
    probedOn(node);
    return active[node];
  }
}
