package org.vigil.controller.dispatch;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cib.model.Cib;
import org.vigil.controller.fencing.FencePlan;
import org.vigil.controller.fencing.Fencer;
import org.vigil.controller.transition.ActionDispatcher;
import org.vigil.controller.transition.ActionOutcome;
import org.vigil.controller.transition.ActionReport;
import org.vigil.controller.transition.ActionResult;
import org.vigil.controller.transition.StatusChange;
import org.vigil.controller.transition.TransitionKey;
import org.vigil.pe.GraphAction;

/**
 * The DC's {@link ActionDispatcher}: resource actions are planned from the current CIB and
 * sent to their node's executor ({@link NodeChannel}); fencing runs the CIB's devices for the
 * target on a fencing thread; {@code clear_failcount} and {@code lrm_delete} are status changes
 * made here, {@code do_shutdown} confirms that a leaving node's resources are stopped. What cannot be carried out is reported as failed, never dropped.
 */
public final class ClusterDispatcher implements ActionDispatcher {
  private static final Logger log = LoggerFactory.getLogger(ClusterDispatcher.class);

  private final Supplier<Cib> cib;
  private final NodeChannel nodes;
  private final Fencer fencer;
  private final Executor fencingThread;
  private final Consumer<ActionReport> reports;

  /**
   * @param cib the DC's current CIB
   * @param fencingThread where fence agents run (they block for seconds)
   * @param reports where results go (hands them to the DC's event loop)
   */
  public ClusterDispatcher(Supplier<Cib> cib, NodeChannel nodes, Fencer fencer, Executor fencingThread,
      Consumer<ActionReport> reports) {
    this.cib = cib;
    this.nodes = nodes;
    this.fencer = fencer;
    this.fencingThread = fencingThread;
    this.reports = reports;
  }

  @Override
  public void dispatch(GraphAction action, TransitionKey key) {
    switch (action.kind()) {
      case RESOURCE -> resource(action, key);
      case FENCE -> fence(action, key);
      case CLUSTER -> cluster(action, key);
      case PSEUDO -> throw new IllegalArgumentException("pseudo-action " + action.id() + " is not dispatched");
    }
  }

  private void resource(GraphAction action, TransitionKey key) {
    PlannedOperation op;
    try {
      op = OperationPlanner.plan(cib.get(), action);
    } catch (IllegalArgumentException e) {
      fail(action, key, e.getMessage());
      return;
    }
    log.info("Initiating {} operation {} on {}", op.task(), action.operationKey(), action.node());
    nodes.run(action.node(), action.id(), op, key);
  }

  private void fence(GraphAction action, TransitionKey key) {
    // the scheduler names the fencing action "action" (reboot, off, on)
    String requested = action.attributes().getOrDefault("action", action.attributes().get("stonith_action"));
    FencePlan plan = FencePlan.of(cib.get(), action.node(), requested);
    log.warn("Requesting fencing ({}) of node {}", plan.action(), action.node());
    fencingThread.execute(() -> {
      Fencer.Result r = fencer.fence(plan);
      if (r instanceof Fencer.Result.Fenced) {
        reports.accept(new ActionReport(key, new ActionResult(ActionOutcome.succeeded(action.id()),
            List.of(new StatusChange.NodeFenced(action.node())))));
      } else if (r instanceof Fencer.Result.NotFenced n) {
        reports.accept(new ActionReport(key, new ActionResult(new ActionOutcome.Failed(action.id(), 1, n.reason()),
            List.of())));
      }
    });
  }

  private void cluster(GraphAction action, TransitionKey key) {
    if (action.task().equals("do_shutdown")) {
      // the node asked to leave; its resources are stopped now, so it may go
      log.info("Node {} may now shut down: its resources are stopped", action.node());
      reports.accept(new ActionReport(key, new ActionResult(ActionOutcome.succeeded(action.id()), List.of())));
      return;
    }
    StatusChange change = switch (action.task()) {
      case "clear_failcount" -> new StatusChange.FailuresCleared(action.node(), action.resource());
      case "lrm_delete" -> new StatusChange.HistoryForgotten(action.node(), action.resource());
      default -> null;
    };
    if (change == null) {
      fail(action, key, "cluster action " + action.task() + " is not supported");
      return;
    }
    reports.accept(new ActionReport(key, new ActionResult(ActionOutcome.succeeded(action.id()), List.of(change))));
  }

  private void fail(GraphAction action, TransitionKey key, String reason) {
    log.error("Cannot carry out action {} ({} on {}): {}", action.id(), action.task(), action.node(), reason);
    reports.accept(new ActionReport(key, new ActionResult(new ActionOutcome.Failed(action.id(), 1, reason), List.of())));
  }
}
