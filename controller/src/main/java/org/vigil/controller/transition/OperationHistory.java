package org.vigil.controller.transition;

import java.util.ArrayList;
import java.util.List;
import org.vigil.cib.edit.CibEdits;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Extras;
import org.vigil.cib.model.Lrm;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.NvPair;
import org.vigil.cib.values.Booleans;
import org.vigil.cib.values.Score;

/**
 * The status section as Pacemaker's controller keeps it, as pure functions of a CIB: each
 * executed operation becomes an {@code lrm_rsc_op} under the node's {@code lrm_resource}
 * ({@code RSC_last_0} for the last one-time operation, {@code RSC_monitor_10000} for each
 * recurring one, {@code RSC_last_failure_0} for the last failure), and a failure raises the
 * transient attributes {@code fail-count-RSC#OP_INTERVAL} and
 * {@code last-failure-RSC#OP_INTERVAL}. The caller bumps the version.
 */
public final class OperationHistory {
  /** The feature set Pacemaker 2.1.5 writes into the records it makes. */
  public static final String FEATURE_SET = "3.16.2";

  private OperationHistory() {}

  /** The CIB with {@code op}'s result recorded on its node. */
  public static Cib record(Cib cib, ExecutedOperation op) {
    if (op.task().equals("notify")) {
      return cib; // Pacemaker keeps no history of notifications: they change no state
    }
    if (op.opStatus() == ExecutedOperation.CANCELLED) {
      return op.isRecurring() ? forgetRecurring(cib, op.node(), op.resource(), op.task(), op.intervalMs()) : cib;
    }
    NodeState state = CibEdits.stateOf(cib, op.node());
    LrmResource rsc = lrmResource(state, op);
    String historyId = op.isRecurring() ? op.operationKey() : op.resource() + "_last_0";
    LrmRscOp previous = rsc.ops().stream().filter(o -> historyId.equals(o.id())).findFirst().orElse(null);
    boolean sameResult = previous != null && previous.rc() == op.rc() && previous.status() == op.opStatus();
    long lastRcChange = op.isRecurring() && sameResult && previous.lastRcChange() != null
        ? previous.lastRcChange() : op.runAt();
    List<LrmRscOp> ops = new ArrayList<>(rsc.ops());
    put(ops, toRecord(historyId, op, lastRcChange));
    if (op.failed()) {
      put(ops, toRecord(op.resource() + "_last_failure_0", op, op.runAt()));
    }
    if (op.task().equals("stop") && !op.failed()) {
      // stopping cancels the resource's recurring operations; the last failure stays on record
      ops.removeIf(o -> o.intervalMs() > 0 && !o.id().equals(op.resource() + "_last_failure_0"));
    }
    Cib out = withLrmResource(cib, state, new LrmResource(rsc.id(), rsc.type(), rsc.resourceClass(), rsc.provider(),
        rsc.container(), ops, rsc.extras()));
    if (op.failed() && !op.isProbe()) {
      out = countFailure(out, op);
    }
    return out;
  }

  /** Forgets a recurring operation's record (it was cancelled). */
  public static Cib forgetRecurring(Cib cib, String node, String resource, String task, long intervalMs) {
    String id = resource + "_" + task + "_" + intervalMs;
    NodeState state = CibEdits.stateOf(cib, node);
    for (LrmResource r : state.lrmResources()) {
      if (r.id().equals(resource)) {
        List<LrmRscOp> ops = r.ops().stream().filter(o -> !id.equals(o.id())).toList();
        return withLrmResource(cib, state, new LrmResource(r.id(), r.type(), r.resourceClass(), r.provider(),
            r.container(), ops, r.extras()));
      }
    }
    return cib;
  }

  /**
   * Clears a resource's fail counts and last failures on a node (the {@code clear_failcount}
   * action, after failure-timeout expired or the parameters changed); its history stays.
   */
  public static Cib clearFailures(Cib cib, String node, String resource) {
    Cib out = cib;
    for (NvPair p : CibEdits.transientAttributes(cib, node, CibEdits.failureAttributesOf(resource))) {
      out = CibEdits.setTransientAttribute(out, node, p.name(), null);
    }
    return out;
  }

  /** {@code fail-count-RSC#OP_INTERVAL}: how often that operation of that resource failed on a node. */
  public static String failCountName(String resource, String task, long intervalMs) {
    return "fail-count-" + resource + "#" + task + "_" + intervalMs;
  }

  /** {@code last-failure-RSC#OP_INTERVAL}: when it last failed, epoch seconds. */
  public static String lastFailureName(String resource, String task, long intervalMs) {
    return "last-failure-" + resource + "#" + task + "_" + intervalMs;
  }

  /**
   * One more failure, or INFINITY for a failed start while {@code start-failure-is-fatal} (true
   * unless configured otherwise): the resource must not start on that node again until cleanup.
   */
  private static Cib countFailure(Cib cib, ExecutedOperation op) {
    String name = failCountName(op.resource(), op.task(), op.intervalMs());
    boolean fatalStart = op.task().equals("start")
        && Booleans.isTrue(cib.configuration().property("start-failure-is-fatal").orElse(null), true);
    int count = fatalStart ? Score.INFINITY : Score.add(current(cib, op.node(), name), 1);
    Cib out = CibEdits.setTransientAttribute(cib, op.node(), name, Score.format(count));
    return CibEdits.setTransientAttribute(out, op.node(), lastFailureName(op.resource(), op.task(), op.intervalMs()),
        Long.toString(op.runAt()));
  }

  private static int current(Cib cib, String node, String name) {
    return CibEdits.transientAttributes(cib, node, name::equals).stream().findFirst()
        .flatMap(p -> Score.parse(p.value())).orElse(0);
  }

  private static LrmResource lrmResource(NodeState state, ExecutedOperation op) {
    for (LrmResource r : state.lrmResources()) {
      if (r.id().equals(op.resource())) {
        return r;
      }
    }
    return new LrmResource(op.resource(), op.type(), op.resourceClass(), op.provider(), null, List.of(), Extras.NONE);
  }

  private static Cib withLrmResource(Cib cib, NodeState state, LrmResource rsc) {
    List<LrmResource> resources = new ArrayList<>(state.lrmResources());
    int at = -1;
    for (int i = 0; i < resources.size(); i++) {
      if (resources.get(i).id().equals(rsc.id())) {
        at = i;
      }
    }
    if (at >= 0) {
      resources.set(at, rsc);
    } else {
      resources.add(rsc);
    }
    Lrm lrm = state.lrm() == null ? new Lrm(state.id(), null, resources, Extras.NONE)
        : new Lrm(state.lrm().id(), state.lrm().resourcesId(), resources, state.lrm().extras());
    return CibEdits.withState(cib, new NodeState(state.id(), state.uname(), state.inCcm(), state.crmd(), state.join(),
        state.expected(), state.transientAttributes(), lrm, state.extras()));
  }

  private static void put(List<LrmRscOp> ops, LrmRscOp record) {
    for (int i = 0; i < ops.size(); i++) {
      if (record.id().equals(ops.get(i).id())) {
        ops.set(i, record);
        return;
      }
    }
    ops.add(record);
  }

  private static LrmRscOp toRecord(String id, ExecutedOperation op, long lastRcChange) {
    return new LrmRscOp(id, op.operationKey(), op.task(), op.intervalMs(), op.rc(), op.opStatus(), op.callId(),
        op.key().toString(), op.key().magic(op.opStatus(), op.rc()), op.opDigest(), lastRcChange,
        op.isRecurring() ? null : op.runAt(), op.execTimeMs(), op.queueTimeMs(),
        op.exitReason() == null ? "" : op.exitReason(), op.node(), FEATURE_SET, Extras.NONE);
  }
}
