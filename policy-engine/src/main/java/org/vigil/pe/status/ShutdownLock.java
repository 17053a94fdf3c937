package org.vigil.pe.status;

import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.NodeState;

/**
 * Shutdown locks ({@code shutdown-lock=true}): a resource active on a node that shuts down
 * cleanly stays tied to that node instead of being recovered elsewhere, until the node comes
 * back or {@code shutdown-lock-limit} passes. The lock time is recorded on the resource's
 * history of the node that left ({@code lrm_resource shutdown-lock}). Fencing devices and
 * clone instances are never locked.
 */
public final class ShutdownLock {
  private ShutdownLock() {}

  /**
   * The node the resource is locked to: an online node shutting down where it is active, or an
   * offline node whose record of it carries a lock that has not expired; null when free.
   */
  public static String lockedNode(ClusterState state, ResourceState s) {
    if (!state.options().shutdownLock() || s.cloneId() != null || s.primitive() == null
        || "stonith".equals(s.primitive().resourceClass())) {
      return null;
    }
    for (String node : s.activeNodes()) {
      NodeStatus n = state.node(node);
      if (n != null && n.online() && n.shutdown() && !n.unclean()) {
        return node;
      }
    }
    return s.activeNodes().isEmpty() ? recordedLock(state, s) : null;
  }

  /** The offline node whose record of a stopped resource carries a lock still in force, or null. */
  public static String recordedLock(ClusterState state, ResourceState s) {
    for (NodeState ns : state.cib().status().nodeStates()) {
      NodeStatus node = state.node(ns.uname());
      if (node == null || node.online()) {
        continue;
      }
      for (LrmResource lr : ns.lrmResources()) {
        boolean mine = lr.id().equals(s.id()) || (s.instance() < 0 && lr.id().equals(s.baseId()));
        String lock = mine ? lr.extras().attr("shutdown-lock") : null;
        if (lock == null || !lock.trim().matches("[0-9]+")) {
          continue;
        }
        long limitMs = state.options().shutdownLockMs();
        if (limitMs > 0 && Long.parseLong(lock.trim()) * 1000 + limitMs <= state.now().toEpochMilli()) {
          continue;
        }
        return ns.uname();
      }
    }
    return null;
  }
}
