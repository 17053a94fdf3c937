package org.vigil.controller.transition;

import org.vigil.pe.GraphAction;

/**
 * An action whose outcome aborted its transition.
 *
 * @param action the graph action
 * @param outcome what was reported for it
 */
public record FailedAction(GraphAction action, ActionOutcome outcome) {
  /** One line for the log, naming action, node and result. */
  public String describe() {
    String what = "action " + action.id() + " (" + label(action) + ")";
    if (outcome instanceof ActionOutcome.Completed c) {
      return what + ": expected rc " + ExpectedResult.targetRc(action) + " but got " + c.rc();
    } else if (outcome instanceof ActionOutcome.Failed f) {
      return what + " failed: " + f.reason();
    } else if (outcome instanceof ActionOutcome.TimedOut) {
      return what + " timed out";
    }
    throw new AssertionError(outcome);
  }

  static String label(GraphAction a) {
    String key = switch (a.kind()) {
      case RESOURCE -> a.operationKey();
      case FENCE -> "stonith " + a.node();
      case CLUSTER, PSEUDO -> a.resource() == null ? a.task() : a.operationKey();
    };
    return a.node() == null ? key : key + " on " + a.node();
  }
}
