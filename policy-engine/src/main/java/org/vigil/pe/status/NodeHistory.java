package org.vigil.pe.status;

import java.util.List;
import java.util.Map;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.Role;

/**
 * What one resource's operation history on one node says.
 *
 * @param node the node
 * @param recordedId the id the history is kept under ({@code rsc}, {@code rsc:N})
 * @param role the role it is in there ({@link Role#STOPPED} when inactive, {@link Role#UNKNOWN}
 *     when the history says nothing about it)
 * @param onFail the strongest on-fail of the failures not cleared by a later success
 *     ({@link OnFail#NONE} when healthy)
 * @param pendingTask an operation still in flight ({@code start}, {@code stop}...), or null
 * @param notInstalled a probe said the agent or its tools are not installed (rc 5)
 * @param hardError a hard error (rc 2, 4, 5, 6 outside a probe) keeps it off this node
 * @param fatal rc 6 (not configured): the resource may not run anywhere
 * @param probed a probe (or any operation) ran here, so its state here is known
 * @param ops the history sorted by call id (pending last)
 * @param recurring the recurring operations whose last record is a success, by interval
 *     ({@code monitor} records only)
 * @param lastStart the last successful start/promote/migrate_from-type operation that
 *     carries the parameter digests, or null
 * @param migration the last migrate_to/migrate_from records (not cancelled) of {@code ops}, by
 *     task; empty exactly when {@code ops} has none, which lets readers skip the search
 * @param failures the records of {@code ops} that are failures ({@link ClusterStatus#isFailure}),
 *     in order: most histories have none
 */
public record NodeHistory(
    String node,
    String recordedId,
    Role role,
    OnFail onFail,
    String pendingTask,
    boolean notInstalled,
    boolean hardError,
    boolean fatal,
    boolean probed,
    List<LrmRscOp> ops,
    Map<Long, LrmRscOp> recurring,
    LrmRscOp lastStart,
    Map<String, LrmRscOp> migration,
    List<LrmRscOp> failures) {

  public NodeHistory {
    ops = List.copyOf(ops);
    recurring = Map.copyOf(recurring);
    migration = Map.copyOf(migration);
    failures = List.copyOf(failures);
  }

  /** Active here: any role but Stopped/Unknown, or a start in flight. */
  public boolean active() {
    return (role != Role.STOPPED && role != Role.UNKNOWN) || "start".equals(pendingTask)
        || "migrate_from".equals(pendingTask);
  }

  /** This history with {@code cause} added to its failures (the strongest wins). */
  public NodeHistory failedBy(OnFail cause) {
    return new NodeHistory(node, recordedId, role, onFail.max(cause), pendingTask, notInstalled, hardError, fatal,
        probed, ops, recurring, lastStart, migration, failures);
  }

  /** This history with its failures disregarded. */
  public NodeHistory withoutFailure() {
    return new NodeHistory(node, recordedId, role, OnFail.NONE, pendingTask, notInstalled, hardError, fatal,
        probed, ops, recurring, lastStart, migration, failures);
  }

  public boolean failed() {
    return onFail != OnFail.NONE && onFail != OnFail.IGNORE;
  }
}
