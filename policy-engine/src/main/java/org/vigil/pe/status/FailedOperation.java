package org.vigil.pe.status;

/**
 * A failed operation in a resource's history, as "Failed Resource Actions" lists it.
 *
 * @param resource the history's resource id as recorded ({@code rsc} or {@code rsc:N})
 * @param operationKey {@code rsc_monitor_10000}
 * @param task the operation ({@code monitor}, {@code start}...)
 * @param intervalMs its interval
 * @param node where it ran
 * @param rc the agent's exit code
 * @param opStatus the execution status (0 done, 1 cancelled, 2 timed out, 3 not supported,
 *     4 error, 5 hard error, 6 fatal error, 7 not installed...)
 * @param expectedRc the result the controller expected
 * @param callId the executor's call id
 * @param lastRcChange when the result was recorded (epoch seconds), 0 if unknown
 * @param execTimeMs how long it ran
 * @param exitReason the agent's message, or null
 */
public record FailedOperation(
    String resource,
    String operationKey,
    String task,
    long intervalMs,
    String node,
    int rc,
    int opStatus,
    int expectedRc,
    int callId,
    long lastRcChange,
    long execTimeMs,
    String exitReason) {}
