package org.vigil.pe.render;

/**
 * One failed operation, as "Failed Resource Actions" lists it.
 *
 * @param resource the resource's id as shown (anonymous clone instances without {@code :N})
 * @param task {@code start}, {@code stop}, {@code monitor}...
 * @param intervalMs 0 for a one-shot operation (a probe when the task is monitor)
 * @param rc the agent's exit code
 * @param executionStatus Pacemaker's execution status (0 done, 1 cancelled, 2 timed out, 3 not
 *     supported, 4 error, 5 hard error, 6 fatal error, 7 not installed...)
 * @param exitReason the agent's exit reason, or null
 * @param lastRcChange when the result was recorded (epoch seconds), or null
 * @param execTimeMs how long it ran, 0 when unknown
 */
public record FailedActionView(
    String resource,
    String task,
    long intervalMs,
    String node,
    int rc,
    int executionStatus,
    String exitReason,
    Long lastRcChange,
    long execTimeMs) {}
