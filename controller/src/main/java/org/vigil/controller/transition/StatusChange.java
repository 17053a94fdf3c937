package org.vigil.controller.transition;

import java.util.List;
import org.vigil.cib.edit.CibEdits;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Extras;
import org.vigil.cib.model.Lrm;
import org.vigil.cib.model.NodeState;

/**
 * A change to the CIB's status section that the DC learned from carrying out an action. The
 * DC applies it to the CIB it replicates with {@link #applyTo}: a pure function, so the same
 * changes give the same status wherever they are applied.
 */
public sealed interface StatusChange {
  Cib applyTo(Cib cib);

  /** An executor ran an operation. */
  record OperationRecorded(ExecutedOperation operation) implements StatusChange {
    @Override
    public Cib applyTo(Cib cib) {
      return OperationHistory.record(cib, operation);
    }
  }

  /** A recurring operation was cancelled ({@code cancel} action). */
  record RecurringCancelled(String node, String resource, String task, long intervalMs) implements StatusChange {
    @Override
    public Cib applyTo(Cib cib) {
      return OperationHistory.forgetRecurring(cib, node, resource, task, intervalMs);
    }
  }

  /** A resource's fail counts were cleared on a node ({@code clear_failcount} action). */
  record FailuresCleared(String node, String resource) implements StatusChange {
    @Override
    public Cib applyTo(Cib cib) {
      return OperationHistory.clearFailures(cib, node, resource);
    }
  }

  /** A resource's history and failures on a node were forgotten ({@code lrm_delete}: probe it again). */
  record HistoryForgotten(String node, String resource) implements StatusChange {
    @Override
    public Cib applyTo(Cib cib) {
      return CibEdits.cleanup(cib, List.of(resource), List.of(node));
    }
  }

  /**
   * A node (re)joined the cluster: what the status said about it is stale, so its resource
   * history and transient attributes are dropped and its resources are probed again.
   */
  record NodeJoined(String node) implements StatusChange {
    @Override
    public Cib applyTo(Cib cib) {
      NodeState s = CibEdits.stateOf(cib, node);
      Lrm lrm = new Lrm(s.lrm() == null ? s.id() : s.lrm().id(), null, List.of(), Extras.NONE);
      return CibEdits.withState(cib, new NodeState(s.id(), s.uname(), s.inCcm(), s.crmd(), s.join(), s.expected(), null,
          lrm, s.extras()));
    }
  }

  /**
   * A node was fenced: nothing runs there any more, so its resource history and transient
   * attributes are gone and it is down until it joins again.
   */
  record NodeFenced(String node) implements StatusChange {
    @Override
    public Cib applyTo(Cib cib) {
      NodeState s = CibEdits.stateOf(cib, node);
      Lrm lrm = new Lrm(s.lrm() == null ? s.id() : s.lrm().id(), null, List.of(), Extras.NONE);
      return CibEdits.withState(cib, new NodeState(s.id(), s.uname(), "false", "offline", "down", "down", null, lrm,
          s.extras()));
    }
  }
}
