package org.vigil.cib.model;

/**
 * One operation in a resource's history on a node ({@code lrm_rsc_op}). Numbers that the
 * element did not carry are null.
 */
public record LrmRscOp(
    String id,
    String operationKey,
    String operation,
    Long interval,
    Integer rcCode,
    Integer opStatus,
    Integer callId,
    String transitionKey,
    String transitionMagic,
    String opDigest,
    Long lastRcChange,
    Long lastRun,
    Long execTime,
    Long queueTime,
    String exitReason,
    String onNode,
    String crmFeatureSet,
    Extras extras) {

  public long intervalMs() {
    return interval == null ? 0 : interval;
  }

  public int rc() {
    return rcCode == null ? 0 : rcCode;
  }

  public int status() {
    return opStatus == null ? 0 : opStatus;
  }

  public int call() {
    return callId == null ? 0 : callId;
  }

  public String attr(String name) {
    return extras.attr(name);
  }
}
