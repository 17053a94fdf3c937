package org.vigil.controller.transition;

/** Where one action of a running transition stands. */
public enum ActionState {
  /** Some predecessor is not confirmed yet. */
  WAITING,
  /** Every predecessor is confirmed; waiting for a dispatch slot (batch-limit). */
  READY,
  /** Sent to its executor; no result yet. */
  IN_FLIGHT,
  /** Done with the expected result (pseudo-actions: as soon as they were ready). */
  CONFIRMED,
  /** Done with another result, timed out, or could not be carried out. */
  FAILED
}
