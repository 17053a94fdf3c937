package org.vigil.controller.dispatch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.controller.transition.ActionOutcome;
import org.vigil.controller.transition.ActionReport;
import org.vigil.controller.transition.ActionResult;
import org.vigil.controller.transition.ExecutedOperation;
import org.vigil.controller.transition.StatusChange;
import org.vigil.controller.transition.TransitionKey;
import org.vigil.lrm.AgentClass;
import org.vigil.lrm.AgentSpec;
import org.vigil.lrm.ExecStatus;
import org.vigil.lrm.Executor;
import org.vigil.lrm.ExecutorConfig;
import org.vigil.lrm.OperationRequest;
import org.vigil.lrm.OperationResult;

/**
 * A node's side of resource actions: runs each {@link PlannedOperation} on this node's
 * {@link Executor} and reports every result with the transition key it answers. Recurring
 * monitors report their first result (the action's) and then each change (a failure the DC
 * must react to). A stop first cancels the resource's recurring operations; a cancel stops one.
 * {@code stonith}-class resources are fencing devices, not agents to run here: starting one
 * makes it available on this node, a probe tells whether it is.
 *
 * <p>Reports are delivered on the executor's threads; the consumer hands them on.
 */
public final class LocalExecution {
  private static final Logger log = LoggerFactory.getLogger(LocalExecution.class);

  private final Executor executor;
  private final Consumer<ActionReport> reports;
  private final Set<String> startedDevices = new HashSet<>();
  /** Resources started here and not stopped since, in the order they started. */
  private final Map<String, OperationRequest> active = new LinkedHashMap<>();

  public LocalExecution(Executor executor, Consumer<ActionReport> reports) {
    this.executor = executor;
    this.reports = reports;
  }

  /** The executor configuration of node {@code node}: its agents keep state under its data directory. */
  public static ExecutorConfig executorConfig(String node, Path dataDir) {
    return ExecutorConfig.defaults(node, dataDir.resolve("rsctmp"));
  }

  public String nodeName() {
    return executor.config().nodeName();
  }

  /** Starts {@code op} for action {@code actionId}; its result arrives through the consumer. */
  public void run(int actionId, PlannedOperation op, TransitionKey key) {
    if ("stonith".equals(op.resourceClass())) {
      reportDevice(actionId, op, key);
      return;
    }
    AgentSpec agent;
    try {
      agent = new AgentSpec(AgentClass.parse(op.resourceClass()), op.provider(), op.type());
    } catch (IllegalArgumentException e) {
      reportNotRun(actionId, op, key, e.getMessage());
      return;
    }
    Duration interval = Duration.ofMillis(op.intervalMs());
    if (op.isCancel()) {
      boolean was = executor.cancelRecurring(op.resourceId(), op.agentAction(), interval);
      log.debug("cancel {}_{}_{} on {}: {}", op.resourceId(), op.agentAction(), op.intervalMs(), nodeName(),
          was ? "cancelled" : "was not running");
      reports.accept(new ActionReport(key, new ActionResult(ActionOutcome.succeeded(actionId), List.of(
          new StatusChange.RecurringCancelled(nodeName(), op.resourceId(), op.agentAction(), op.intervalMs())))));
      return;
    }
    OperationRequest request = new OperationRequest(op.resourceId(), agent, op.agentAction(), interval,
        Duration.ofMillis(op.timeoutMs()), op.params(), op.meta());
    if (request.recurring()) {
      boolean[] first = {true};
      executor.startRecurring(request, r -> {
        if (r.status() != ExecStatus.CANCELLED) {
          reports.accept(new ActionReport(key, toResult(actionId, op, key, r, first[0])));
          first[0] = false;
        }
      });
      return;
    }
    if (op.agentAction().equals("stop")) {
      for (OperationRequest recurring : executor.recurringOperations()) {
        if (recurring.resourceId().equals(op.resourceId())) {
          executor.cancelRecurring(recurring.resourceId(), recurring.action(), recurring.interval());
        }
      }
    }
    executor.execute(request).thenAccept(r -> {
      track(request, r);
      reports.accept(new ActionReport(key, toResult(actionId, op, key, r, true)));
    });
  }

  /** What this node started and still runs, first started first. */
  public List<String> activeResources() {
    synchronized (active) {
      return List.copyOf(active.keySet());
    }
  }

  /** Remembers what runs here after a start, forgets it after a stop (for {@link #stopAll}). */
  private void track(OperationRequest request, OperationResult r) {
    synchronized (active) {
      if (request.action().equals("stop") && r.status() == ExecStatus.DONE && r.rc() == 0) {
        active.remove(request.resourceId());
      } else if (request.action().equals("start") && r.status() == ExecStatus.DONE && r.rc() == 0) {
        active.remove(request.resourceId());
        active.put(request.resourceId(), request);
      }
    }
  }

  /**
   * Stops everything this node started and still runs, the last started first, before vigild
   * leaves the cluster cleanly: the others then start it elsewhere, never while it runs here.
   * Waits at most each stop's timeout; returns the resources whose stop failed.
   */
  public List<String> stopAll() {
    List<OperationRequest> running;
    synchronized (active) {
      running = new ArrayList<>(active.values());
    }
    Collections.reverse(running);
    List<String> failed = new ArrayList<>();
    for (OperationRequest start : running) {
      for (OperationRequest recurring : executor.recurringOperations()) {
        if (recurring.resourceId().equals(start.resourceId())) {
          executor.cancelRecurring(recurring.resourceId(), recurring.action(), recurring.interval());
        }
      }
      OperationRequest stop = new OperationRequest(start.resourceId(), start.agent(), "stop", Duration.ZERO,
          start.timeout(), start.params(), start.meta());
      OperationResult r = executor.execute(stop).join();
      log.info("Stopping {} on {} as vigild leaves: {}", start.resourceId(), nodeName(), r.describe());
      track(stop, r);
      if (r.status() != ExecStatus.DONE || r.rc() != 0) {
        failed.add(start.resourceId());
      }
    }
    return failed;
  }

  /** The outcome for the engine and the record for the status section of one result. */
  static ActionResult toResult(int actionId, PlannedOperation op, TransitionKey key, OperationResult r,
      boolean firstOfItsAction) {
    ExecutedOperation executed = new ExecutedOperation(r.node(), op.resourceId(), op.resourceClass(), op.provider(),
        op.type(), op.agentAction(), op.intervalMs(), r.rc(), r.status().opStatus(),
        r.exitReason().isEmpty() ? null : r.exitReason(), (int) r.callId(), r.started().getEpochSecond(),
        r.execTime().toMillis(), r.queueTime().toMillis(),
        r.digests().opDigest(), key);
    if (firstOfItsAction) {
      log.info("Result of {} operation for {} on {}: {}", op.agentAction(), op.resourceId(), r.node(), r.describe());
    } else {
      log.warn("Recurring {} for {} on {} changed: {}", op.agentAction(), op.resourceId(), r.node(), r.describe());
    }
    return new ActionResult(outcome(actionId, op, r), List.of(new StatusChange.OperationRecorded(executed)));
  }

  static ActionOutcome outcome(int actionId, PlannedOperation op, OperationResult r) {
    boolean probe = op.agentAction().equals("monitor") && op.intervalMs() == 0;
    if (probe && (r.status() == ExecStatus.NOT_INSTALLED || r.status() == ExecStatus.DONE && (r.rc() == 5 || r.rc() == 2))) {
      return new ActionOutcome.Completed(actionId, 7); // an agent missing or unusable here: not running here
    }
    return switch (r.status()) {
      case DONE -> new ActionOutcome.Completed(actionId, r.rc());
      case TIMED_OUT -> new ActionOutcome.TimedOut(actionId);
      case CANCELLED, NOT_SUPPORTED, ERROR, NOT_INSTALLED -> new ActionOutcome.Failed(actionId, r.rc(), r.describe());
    };
  }

  private void reportDevice(int actionId, PlannedOperation op, TransitionKey key) {
    if (op.isCancel()) {
      reports.accept(new ActionReport(key, new ActionResult(ActionOutcome.succeeded(actionId), List.of(
          new StatusChange.RecurringCancelled(nodeName(), op.resourceId(), op.agentAction(), op.intervalMs())))));
      return;
    }
    int rc;
    synchronized (startedDevices) {
      switch (op.agentAction()) {
        case "start" -> {
          startedDevices.add(op.resourceId());
          rc = 0;
        }
        case "stop" -> {
          startedDevices.remove(op.resourceId());
          rc = 0;
        }
        case "monitor" -> rc = startedDevices.contains(op.resourceId()) ? 0 : 7;
        default -> rc = 3; // unimplemented for a fencing device
      }
    }
    ExecutedOperation executed = new ExecutedOperation(nodeName(), op.resourceId(), op.resourceClass(), null,
        op.type(), op.agentAction(), op.intervalMs(), rc, ExecutedOperation.DONE, null, 0,
        Instant.now().getEpochSecond(), 0, 0, "", key);
    reports.accept(new ActionReport(key, new ActionResult(new ActionOutcome.Completed(actionId, rc),
        List.of(new StatusChange.OperationRecorded(executed)))));
  }

  private void reportNotRun(int actionId, PlannedOperation op, TransitionKey key, String reason) {
    long now = Instant.now().getEpochSecond();
    ExecutedOperation executed = new ExecutedOperation(nodeName(), op.resourceId(), op.resourceClass(), op.provider(),
        op.type(), op.agentAction(), op.intervalMs(), 5, ExecStatus.NOT_INSTALLED.opStatus(), reason, 0, now, 0, 0, "",
        key);
    boolean probe = op.agentAction().equals("monitor") && op.intervalMs() == 0;
    ActionOutcome outcome = probe ? new ActionOutcome.Completed(actionId, 7)
        : new ActionOutcome.Failed(actionId, 5, reason);
    reports.accept(new ActionReport(key, new ActionResult(outcome, List.of(new StatusChange.OperationRecorded(executed)))));
  }
}
