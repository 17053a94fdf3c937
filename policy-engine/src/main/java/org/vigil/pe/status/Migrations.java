package org.vigil.pe.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.Role;

/**
 * What unfinished live migrations leave in a resource's history, read across its nodes. A
 * migration runs {@code migrate_to} on the source, {@code migrate_from} on the target, then a
 * stop on the source:
 *
 * <ul>
 *   <li>both migration steps done, source not yet stopped: the resource runs on the target
 *       only; the source still needs its stop (a "dangling" source);
 *   <li>{@code migrate_to} done but the target is gone: the source's state is unknown, it
 *       counts as failed there and the resource is recovered elsewhere;
 *   <li>{@code migrate_to} failed: the resource may be half-started on the target, which
 *       counts as active until its history says otherwise; the source is failed and banned;
 *   <li>{@code migrate_to} done and the source stopped, but no {@code migrate_from} on the
 *       target: the target counts as active until its history says otherwise.
 * </ul>
 *
 * <p>A target that only counts as active is restarted if the resource is to stay there, and
 * never migrates away.
 */
public final class Migrations {
  private Migrations() {}

  /** One resource's histories by node, adjusted for the migrations they show. */
  static Map<String, NodeHistory> reconcile(Map<String, NodeHistory> histories, Map<String, NodeStatus> nodes) {
    Map<String, NodeHistory> out = null;
    for (NodeHistory source : histories.values()) {
      // migration records are kept apart: most histories have none
      LrmRscOp migrateTo = source.migration().isEmpty() ? null : lastOf(source, "migrate_to");
      if (migrateTo == null) {
        continue;
      }
      String target = migrateTo.attr("migrate_target");
      NodeHistory there = target == null ? null : histories.get(target);
      boolean lastOnSource = migrateTo == lastOneShot(source);
      NodeStatus targetNode = target == null ? null : nodes.get(target);
      if (!ClusterStatus.isFailure(migrateTo)) {
        boolean migratedFrom = there != null && lastOf(there, "migrate_from") != null;
        if (lastOnSource && completedOn(there, source.node())) {
          out = copyOf(out, histories);
          out.put(source.node(), with(source, Role.STOPPED, source.onFail()));
        } else if (lastOnSource && !migratedFrom && (targetNode == null || !targetNode.online())) {
          out = copyOf(out, histories);
          out.put(source.node(), with(source, Role.STARTED, source.onFail().max(OnFail.RESTART)));
        } else if (!lastOnSource && !migratedFrom && !source.active() && targetNode != null
            && targetNode.online() && mayBeActiveAfter(there, migrateTo)) {
          // the source stopped, but the target never said whether the migration reached it
          out = copyOf(out, histories);
          out.put(target, presumed(there, target, source));
        }
        continue;
      }
      if (targetNode != null && targetNode.online() && mayBeActiveAfter(there, migrateTo)) {
        out = copyOf(out, histories);
        out.put(target, presumed(there, target, source));
      }
    }
    return out == null ? histories : out;
  }

  private static Map<String, NodeHistory> copyOf(Map<String, NodeHistory> copy, Map<String, NodeHistory> histories) {
    return copy != null ? copy : new LinkedHashMap<>(histories);
  }

  private static NodeHistory presumed(NodeHistory there, String target, NodeHistory source) {
    return there == null
        ? new NodeHistory(target, source.recordedId(), Role.STARTED, OnFail.NONE, null, false, false, false, true,
            List.of(), Map.of(), null, Map.of(), List.of())
        : with(there, Role.STARTED, there.onFail());
  }

  /**
   * The source of a migration whose {@code migrate_to} is the last word on this node and
   * failed (or lost its target): the resource may not run here until the failure is cleared.
   */
  public static boolean failedSource(NodeHistory h) {
    if (h.migration().isEmpty()) {
      return false;
    }
    LrmRscOp last = lastOneShot(h);
    return last != null && "migrate_to".equals(last.operation()) && h.failed();
  }

  /** A source left running after its resource completed a migration away: it must still be stopped. */
  public static boolean danglingSource(NodeHistory h) {
    if (h.migration().isEmpty()) {
      return false;
    }
    LrmRscOp last = lastOneShot(h);
    return last != null && "migrate_to".equals(last.operation()) && !h.active() && !h.failed();
  }

  /**
   * Active here only because of a migrate_to towards this node (failed, or its source stopped
   * without a migrate_from here): its own history says it is stopped, so it must be restarted
   * to be known to run.
   */
  public static boolean presumedActive(ResourceState st, NodeHistory h) {
    if (!h.active()) {
      return false;
    }
    LrmRscOp own = lastOneShot(h);
    boolean ownSaysStopped = own == null || "stop".equals(own.operation())
        || "monitor".equals(own.operation()) && own.rc() == 7;
    if (!ownSaysStopped) {
      return false;
    }
    for (NodeHistory other : st.histories().values()) {
      LrmRscOp migrateTo = other == h || other.migration().isEmpty() ? null : lastOf(other, "migrate_to");
      if (migrateTo != null && h.node().equals(migrateTo.attr("migrate_target"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a completed migration still waits for the stop of its source. */
  public static boolean hasDanglingSource(ResourceState st) {
    return st.histories().values().stream().anyMatch(Migrations::danglingSource);
  }

  private static boolean completedOn(NodeHistory target, String source) {
    if (target == null) {
      return false;
    }
    LrmRscOp last = lastOneShot(target);
    return last != null && "migrate_from".equals(last.operation()) && !ClusterStatus.isFailure(last)
        && last.status() != ClusterStatus.EXEC_PENDING && source.equals(last.attr("migrate_source"));
  }

  /**
   * Whether the target of a migrate_to may hold the resource: nothing it recorded since (by
   * timestamp when all have one; else its last word is no stop).
   */
  private static boolean mayBeActiveAfter(NodeHistory target, LrmRscOp migrateTo) {
    if (target == null) {
      return true;
    }
    if (target.active()) {
      return false;
    }
    Long at = migrateTo.lastRcChange();
    if (at != null && target.ops().stream().allMatch(op -> op.lastRcChange() != null)) {
      return target.ops().stream().noneMatch(op -> op.lastRcChange() > at);
    }
    LrmRscOp last = lastOneShot(target);
    return last == null || !"stop".equals(last.operation());
  }

  private static NodeHistory with(NodeHistory h, Role role, OnFail onFail) {
    return new NodeHistory(h.node(), h.recordedId(), role, onFail, h.pendingTask(), h.notInstalled(), h.hardError(),
        h.fatal(), h.probed(), h.ops(), h.recurring(), h.lastStart(), h.migration(), h.failures());
  }

  private static LrmRscOp lastOf(NodeHistory h, String task) {
    LrmRscOp found = null;
    for (LrmRscOp op : h.ops()) {
      if (task.equals(op.operation()) && op.status() != ClusterStatus.EXEC_CANCELLED) {
        found = op;
      }
    }
    return found;
  }

  /** The last operation that is not a recurring one. */
  private static LrmRscOp lastOneShot(NodeHistory h) {
    LrmRscOp found = null;
    for (LrmRscOp op : h.ops()) {
      if (op.intervalMs() == 0 && op.status() != ClusterStatus.EXEC_CANCELLED) {
        found = op;
      }
    }
    return found;
  }
}
