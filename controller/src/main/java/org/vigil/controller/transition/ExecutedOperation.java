package org.vigil.controller.transition;

/**
 * An operation a node's executor ran, as the DC learns it: what ran where, what the agent
 * answered and whether it ran at all, and which transition action asked for it.
 *
 * @param node the node's uname
 * @param resource the resource (clone instances as {@code rsc:N})
 * @param resourceClass the agent's class ({@code ocf}, {@code lsb}, {@code stonith}...)
 * @param provider the OCF provider, else null
 * @param type the agent's type ({@code Dummy})
 * @param task {@code start}, {@code stop}, {@code monitor}, {@code promote}...
 * @param intervalMs the interval of a recurring operation, else 0
 * @param rc the agent's OCF exit code
 * @param opStatus whether it ran: Pacemaker's op-status (0 done, 1 cancelled, 2 timed out, 3
 *     not supported, 4 error, 7 not installed)
 * @param exitReason the agent's {@code ocf-exit-reason}, or null
 * @param callId the executor's call number on that node
 * @param runAt when it ran, epoch seconds
 * @param execTimeMs how long the agent ran
 * @param queueTimeMs how long it waited before running
 * @param opDigest the digest of the parameters it ran with ({@link OperationDigest}, as Pacemaker computes it)
 * @param key the transition action it answers
 */
public record ExecutedOperation(
    String node,
    String resource,
    String resourceClass,
    String provider,
    String type,
    String task,
    long intervalMs,
    int rc,
    int opStatus,
    String exitReason,
    int callId,
    long runAt,
    long execTimeMs,
    long queueTimeMs,
    String opDigest,
    TransitionKey key) {

  /** Pacemaker's op-status for an operation that ran to its end (its rc is the agent's answer). */
  public static final int DONE = 0;
  /** op-status of a recurring operation that was cancelled. */
  public static final int CANCELLED = 1;
  /** op-status of an operation that did not finish in time. */
  public static final int TIMED_OUT = 2;

  /** {@code rsc_task_interval}, e.g. {@code db_monitor_10000}. */
  public String operationKey() {
    return resource + "_" + task + "_" + intervalMs;
  }

  public boolean isRecurring() {
    return intervalMs > 0;
  }

  /** A one-time monitor: finding out whether the resource runs on the node. */
  public boolean isProbe() {
    return "monitor".equals(task) && intervalMs == 0;
  }

  /** Whether it did not run to its end or answered other than the transition expected. */
  public boolean failed() {
    return opStatus != DONE || !ExpectedResult.isExpected(task, key.targetRc(), rc);
  }
}
