package org.vigil.lrm;

/**
 * Whether an operation ran, apart from what the agent answered (the rc). The numbers are
 * Pacemaker's {@code op-status} values in {@code lrm_rsc_op}.
 */
public enum ExecStatus {
  /** The agent ran and exited; its answer is the rc. */
  DONE(0),
  /** A recurring operation was cancelled, or the executor shut down before running it. */
  CANCELLED(1),
  /** The agent did not finish within the timeout; its process group was killed. */
  TIMED_OUT(2),
  /**
   * The action cannot be run by this class of agent here (an LSB script asked to promote,
   * a systemd unit where systemd is not running). An agent that answers rc 3 is DONE.
   */
  NOT_SUPPORTED(3),
  /** The agent could not be run, or died from a signal. */
  ERROR(4),
  /** The agent is not installed on this node. */
  NOT_INSTALLED(7);

  private final int opStatus;

  ExecStatus(int opStatus) {
    this.opStatus = opStatus;
  }

  /** The {@code op-status} attribute value. */
  public int opStatus() {
    return opStatus;
  }
}
