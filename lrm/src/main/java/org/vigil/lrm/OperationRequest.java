package org.vigil.lrm;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One action to run on a resource's agent.
 *
 * @param resourceId the resource instance, given to the agent as {@code OCF_RESOURCE_INSTANCE}
 *     (for a clone instance, {@code rsc:0})
 * @param agent the agent
 * @param action {@code start}, {@code stop}, {@code monitor}, {@code promote}, {@code notify}...
 *     (for LSB scripts {@code monitor} runs {@code status})
 * @param interval zero for a one-shot operation, else how often a recurring monitor runs
 * @param timeout how long the agent may run before its process group is killed
 * @param params the resource's instance attributes, given as {@code OCF_RESKEY_<name>}
 * @param meta the resource's meta attributes and the caller's extras (clone, clone_max,
 *     notify_type, notify_start_uname...), given as {@code OCF_RESKEY_CRM_meta_<name>} with
 *     dashes turned into underscores; timeout and interval are added from this request
 */
public record OperationRequest(
    String resourceId,
    AgentSpec agent,
    String action,
    Duration interval,
    Duration timeout,
    Map<String, String> params,
    Map<String, String> meta) {
  public OperationRequest {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    if (resourceId.isEmpty()) {
      throw new IllegalArgumentException("empty resource id");
    }
    if (interval.isNegative() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("interval must be >= 0 and timeout > 0 (" + resourceId + " " + action + ")");
    }
    params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    meta = Collections.unmodifiableSortedMap(new TreeMap<>(meta));
  }

  /** A one-shot operation without meta attributes. */
  public static OperationRequest of(
      String resourceId, AgentSpec agent, String action, Duration timeout, Map<String, String> params) {
    return new OperationRequest(resourceId, agent, action, Duration.ZERO, timeout, params, Map.of());
  }

  public OperationRequest withInterval(Duration every) {
    return new OperationRequest(resourceId, agent, action, every, timeout, params, meta);
  }

  public boolean recurring() {
    return !interval.isZero();
  }

  /** Pacemaker's operation key: {@code RSC_ACTION_INTERVALMS}, e.g. {@code d1_monitor_10000}. */
  public String key() {
    return resourceId + "_" + action + "_" + interval.toMillis();
  }
}
