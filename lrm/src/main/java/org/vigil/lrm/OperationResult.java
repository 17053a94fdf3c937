package org.vigil.lrm;

import java.time.Duration;
import java.time.Instant;

/**
 * What came of one operation: whether it ran ({@link #status}) and what the agent answered
 * ({@link #rc}, always an OCF code, LSB codes already mapped), with what the controller
 * needs for an {@code lrm_rsc_op} entry.
 *
 * @param request the operation
 * @param node the node it ran on
 * @param callId this executor's sequence number for the run (recurring runs share the id of
 *     their first run, as Pacemaker's do)
 * @param status whether the agent ran and finished
 * @param rc the OCF exit code; 1 (generic error) when the agent did not finish or did not run
 *     with a code of its own
 * @param exitCode the agent's raw exit code; -1 when it did not exit by itself
 * @param exitReason one line for the operator: the agent's last {@code ocf-exit-reason:} line,
 *     or what went wrong running it ("timed out after 2000ms"); empty when there is nothing to say
 * @param started when the agent was started (the enqueue time if it never started)
 * @param finished when its result was known
 * @param execTime how long the agent ran
 * @param queueTime how long the operation waited for a free slot and for the resource's
 *     previous operation
 * @param stdout the agent's standard output, at most {@link ExecutorConfig#outputCap()} bytes
 * @param stderr the agent's standard error, capped the same way
 * @param outputTruncated whether either output was longer than the cap
 * @param digests digests of the parameters, for telling a change that needs a restart or reload
 */
public record OperationResult(
    OperationRequest request,
    String node,
    long callId,
    ExecStatus status,
    int rc,
    int exitCode,
    String exitReason,
    Instant started,
    Instant finished,
    Duration execTime,
    Duration queueTime,
    String stdout,
    String stderr,
    boolean outputTruncated,
    OpDigests digests) {

  public String resourceId() {
    return request.resourceId();
  }

  public String operation() {
    return request.action();
  }

  public Duration interval() {
    return request.interval();
  }

  public OcfCode ocfCode() {
    return OcfCode.of(rc);
  }

  /** Whether the agent ran and answered success (rc 0). */
  public boolean succeeded() {
    return status == ExecStatus.DONE && rc == 0;
  }

  /** One line for logs, in Pacemaker's words: {@code d1 monitor (10000ms) on n1: not running (rc=7)}. */
  public String describe() {
    String what = request.resourceId() + " " + request.action()
        + (request.recurring() ? " (" + request.interval().toMillis() + "ms)" : "") + " on " + node + ": ";
    String outcome = switch (status) {
      case DONE -> ocfCode().text() + " (rc=" + rc + ")";
      case TIMED_OUT -> "timed out after " + execTime.toMillis() + "ms";
      case CANCELLED -> "cancelled";
      case NOT_SUPPORTED -> "not supported";
      case NOT_INSTALLED -> "not installed";
      case ERROR -> "error";
    };
    return what + outcome + (exitReason.isEmpty() || status == ExecStatus.TIMED_OUT ? "" : ": " + exitReason);
  }
}
