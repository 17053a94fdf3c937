package org.vigil.controller.transition;

/** Where a whole transition stands. */
public enum TransitionPhase {
  /** Actions remain to dispatch or confirm. */
  RUNNING,
  /** Aborted: nothing new is dispatched, actions already in flight are still awaited. */
  DRAINING,
  /** Every action is confirmed. */
  COMPLETE,
  /** Aborted and nothing in flight: the scheduler must run again on the updated CIB. */
  ABORTED;

  public boolean isFinished() {
    return this == COMPLETE || this == ABORTED;
  }
}
