package org.vigil.controller.dispatch;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resource action made concrete for an executor.
 *
 * @param resourceId the id the agent and the status section know it by: the primitive's id,
 *     with the instance number {@code :N} only for globally unique clones (anonymous clone
 *     instances are interchangeable, so their history is kept under the primitive's id)
 * @param resourceClass {@code ocf}, {@code lsb}, {@code systemd}, {@code service}, {@code stonith}
 * @param provider the OCF provider, else null
 * @param type the agent
 * @param task the graph's action ({@code start}, {@code monitor}...; a {@code cancel} stops the
 *     recurring {@code monitor} of that interval)
 * @param intervalMs the interval of a recurring operation, else 0
 * @param timeoutMs how long the agent may run
 * @param params instance attributes ({@code OCF_RESKEY_name})
 * @param meta meta attributes and action context ({@code OCF_RESKEY_CRM_meta_name})
 */
public record PlannedOperation(
    String resourceId,
    String resourceClass,
    String provider,
    String type,
    String task,
    long intervalMs,
    long timeoutMs,
    Map<String, String> params,
    Map<String, String> meta) {
  public PlannedOperation {
    params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    meta = Collections.unmodifiableSortedMap(new TreeMap<>(meta));
  }

  public boolean isCancel() {
    return task.equals("cancel");
  }

  /** The agent action it runs, or for a cancel the recurring one it stops. */
  public String agentAction() {
    return isCancel() ? "monitor" : task;
  }
}
