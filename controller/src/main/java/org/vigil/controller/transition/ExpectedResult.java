package org.vigil.controller.transition;

import org.vigil.pe.GraphAction;

/**
 * The result a graph action is expected to give: its {@code target_rc} attribute (7, not running,
 * for probes; 8, promoted, for monitors of a promoted instance), otherwise 0.
 */
public final class ExpectedResult {
  /** The attribute of a graph action holding the rc it expects. */
  public static final String TARGET_RC = "target_rc";

  static final int OK = 0;
  static final int RUNNING_PROMOTED = 8;
  static final int DEGRADED = 190;
  static final int DEGRADED_PROMOTED = 191;

  private ExpectedResult() {}

  public static int targetRc(GraphAction action) {
    String v = action.attributes().get(TARGET_RC);
    if (v == null || v.isBlank()) {
      return OK;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("action " + action.id() + " (" + action.operationKey() + ") has a bad "
          + TARGET_RC + " '" + v + "'", e);
    }
  }

  /**
   * Whether {@code rc} is the answer {@code action} expects. A monitor answering degraded (190,
   * 191) counts as running (0, 8), as Pacemaker remaps it.
   */
  public static boolean isExpected(GraphAction action, int rc) {
    return isExpected(action.task(), targetRc(action), rc);
  }

  /** Whether an operation {@code task} that was to answer {@code target} did, answering {@code rc}. */
  public static boolean isExpected(String task, int target, int rc) {
    if (rc == target) {
      return true;
    }
    return "monitor".equals(task) && (target == OK && rc == DEGRADED || target == RUNNING_PROMOTED && rc == DEGRADED_PROMOTED);
  }
}
