package org.vigil.pe;

import java.util.List;
import java.util.Map;

/**
 * One action of a transition graph.
 *
 * @param id unique within the graph
 * @param kind what executes it
 * @param resource the resource (clone instances as {@code rsc:N}); null for cluster and fencing actions
 * @param task {@code start}, {@code stop}, {@code monitor}, {@code promote}, {@code demote},
 *     {@code notify}, {@code migrate_to}, {@code migrate_from}, {@code cancel}, {@code stonith},
 *     {@code do_shutdown}, {@code clear_failcount}, {@code running}, {@code stopped}...
 * @param intervalMs the interval of a recurring monitor (or of the monitor a cancel stops), else 0
 * @param node the node it runs on; null for pseudo-actions
 * @param predecessors ids of the actions that must complete first
 * @param attributes extra inputs: the expected rc for probes ({@code target_rc}), fencing type
 *     ({@code reboot}, {@code off}, {@code on}), notification keys, the agent's parameters
 */
public record GraphAction(
    int id,
    Kind kind,
    String resource,
    String task,
    long intervalMs,
    String node,
    List<Integer> predecessors,
    Map<String, String> attributes) {

  public enum Kind {
    /** Executed by a node's executor. */
    RESOURCE,
    /** A synchronisation point, no work (group_start, clone_running...). */
    PSEUDO,
    /** Handled by the controller (do_shutdown, clear_failcount, lrm_delete). */
    CLUSTER,
    /** Fencing of {@code node}. */
    FENCE
  }

  public GraphAction {
    predecessors = List.copyOf(predecessors);
    attributes = Map.copyOf(attributes);
  }

  /** Pacemaker's operation key: {@code rsc_task_interval}, e.g. {@code db_monitor_10000}. */
  public String operationKey() {
    return resource + "_" + task + "_" + intervalMs;
  }
}
