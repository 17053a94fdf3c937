package org.vigil.controller.dispatch;

import org.vigil.controller.transition.TransitionKey;

/**
 * How the DC reaches a node's executor: this node's own directly, the others through cluster
 * messages. The node reports results back to the DC as {@code ActionReport}s.
 */
public interface NodeChannel {
  /** Asks {@code node} to run {@code op} for action {@code actionId} of the transition in {@code key}. */
  void run(String node, int actionId, PlannedOperation op, TransitionKey key);
}
