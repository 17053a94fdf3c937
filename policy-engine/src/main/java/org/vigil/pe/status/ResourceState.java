package org.vigil.pe.status;

import java.util.List;
import java.util.Map;
import org.vigil.cib.model.Primitive;
import org.vigil.cib.model.Role;

/**
 * One resource instance (a primitive, a group member, or a clone instance {@code rsc:N}) or
 * an orphan (history of a resource no longer configured) and where it runs now.
 *
 * @param id the instance id ({@code rsc}, {@code rsc:2}, for a cloned group's member {@code child:2})
 * @param baseId the configured primitive id (for orphans the history id without {@code :N})
 * @param primitive the definition; null for orphans
 * @param groupId the enclosing group, or null
 * @param cloneId the enclosing clone, or null
 * @param instance the clone instance number, or -1
 * @param meta effective meta attributes (inherited from group, clone and rsc_defaults)
 * @param orphan no longer in the configuration
 * @param histories what each node's history says, in status order (nodes without history absent)
 * @param failCounts fail counts by node (nodes without failures absent)
 * @param failedOperations the failed operations recorded (for "Failed Resource Actions")
 */
public record ResourceState(
    String id,
    String baseId,
    Primitive primitive,
    String groupId,
    String cloneId,
    int instance,
    ResourceMeta meta,
    boolean orphan,
    Map<String, NodeHistory> histories,
    Map<String, FailCount> failCounts,
    List<FailedOperation> failedOperations) {

  public ResourceState {
    histories = Histories.of(histories);
    failCounts = Map.copyOf(failCounts);
    failedOperations = List.copyOf(failedOperations);
  }

  /** The nodes where it is active (in status order), unmodifiable. */
  public List<String> activeNodes() {
    return ((Histories) histories).activeNodes();
  }

  /** Its role: the highest role among the nodes where it is active, else Stopped. */
  public Role role() {
    return ((Histories) histories).role();
  }

  /** Failed on some node where the failure still matters. */
  public boolean failed() {
    return ((Histories) histories).anyFailed();
  }

  /** A failure with on-fail=block (or a stop failure that cannot be fenced) froze it. */
  public boolean blocked() {
    return ((Histories) histories).anyOnFail(OnFail.BLOCK);
  }

  /** A failure with on-fail=stop: it is stopped and not started anywhere else. */
  public boolean stoppedByFailure() {
    return ((Histories) histories).anyOnFail(OnFail.STOP);
  }

  /** A failure with on-fail=ignore is being ignored (a contained resource's failed stop too). */
  public boolean failureIgnored() {
    return ((Histories) histories).anyOnFail(OnFail.IGNORE)
        || ((Histories) histories).anyOnFail(OnFail.RESTART_CONTAINER);
  }

  /** Whether the cluster may act on it (is-managed, not in maintenance). */
  public boolean managed() {
    return meta.isManaged() && !meta.maintenance();
  }

  /** This state with {@code h} replacing its history on {@code h.node()}. */
  public ResourceState withHistory(NodeHistory h) {
    Map<String, NodeHistory> replaced = new java.util.LinkedHashMap<>(histories);
    replaced.put(h.node(), h);
    return new ResourceState(id, baseId, primitive, groupId, cloneId, instance, meta, orphan, replaced, failCounts,
        failedOperations);
  }

  public NodeHistory history(String node) {
    return histories.get(node);
  }

  public int failCount(String node) {
    FailCount f = failCounts.get(node);
    return f == null ? 0 : f.count();
  }

  /** Whether the node probed it (any history there). */
  public boolean probedOn(String node) {
    return histories.containsKey(node);
  }

  /** A pending operation on some node, or null. */
  public String pendingTask() {
    return ((Histories) histories).pendingTask();
  }
}
