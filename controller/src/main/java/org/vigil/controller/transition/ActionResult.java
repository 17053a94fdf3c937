package org.vigil.controller.transition;

import java.util.List;

/**
 * What carrying out a graph action gave: its outcome for the {@link TransitionEngine} and the
 * status changes to write into the CIB (none when the action never reached an executor).
 */
public record ActionResult(ActionOutcome outcome, List<StatusChange> statusChanges) {
  public ActionResult {
    statusChanges = List.copyOf(statusChanges);
  }
}
