package org.vigil.controller.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cib.model.Cib;
import org.vigil.cib.values.Durations;
import org.vigil.controller.fencing.FenceDevice;
import org.vigil.controller.fencing.FencePlan;
import org.vigil.controller.fencing.Fencer;
import org.vigil.controller.transition.ActionOutcome;
import org.vigil.controller.transition.ActionReport;
import org.vigil.controller.transition.ActionResult;
import org.vigil.controller.transition.Effect;
import org.vigil.controller.transition.StatusChange;
import org.vigil.controller.transition.TransitionDriver;
import org.vigil.controller.transition.TransitionKey;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Scheduler;

/**
 * Everything about transitions one vigild does, whatever its role: as DC it runs a
 * {@link TransitionDriver} and carries out its effects (actions to nodes, status changes to the
 * replicated CIB, timers for actions that never answer); as any node it runs the operations the
 * DC sends on its own executor and reports back. The daemon calls it on its event loop only;
 * executor results and timers come back through {@code loop}.
 */
public final class TransitionService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TransitionService.class);
  /** Pacemaker's default {@code cluster-delay}: how much longer than its timeout an action may take to answer. */
  static final long DEFAULT_CLUSTER_DELAY_MS = 60_000;

  /** What the service needs from the daemon: messages, the CIB, and its event loop. */
  public interface Outbox {
    /** Sends a {@link TransitionCodec}-encoded {@link RunRequest} to another node; false if it cannot be sent. */
    boolean sendRun(String node, byte[] runRequest);

    /** Sends an encoded {@link ActionReport} to the DC; false when there is no DC to send to now. */
    boolean sendReport(byte[] report);

    /** Writes status changes into the replicated CIB (as the DC). */
    void writeStatus(List<StatusChange> changes);
  }

  private final String nodeName;
  private final Scheduler scheduler;
  private final Outbox outbox;
  private final Consumer<Runnable> loop;
  private final LocalExecution local;
  private final Fencer fencer;
  private final ScheduledExecutorService timers;
  private final List<byte[]> unsentReports = new ArrayList<>();
  private TransitionDriver driver;
  /** The CIB at the last {@link #cibCommitted} and the status changes this DC wrote since. */
  private Cib seen;
  private final List<StatusChange> written = new ArrayList<>();
  private ClusterDispatcher dispatcher;
  private int nextTransitionId;

  /**
   * @param loop runs a task on the daemon's event loop (from any thread)
   * @param executor this node's executor
   */
  public TransitionService(String nodeName, Scheduler scheduler, Outbox outbox, Consumer<Runnable> loop,
      org.vigil.lrm.Executor executor, Fencer fencer) {
    this.nodeName = nodeName;
    this.scheduler = scheduler;
    this.outbox = outbox;
    this.loop = loop;
    this.fencer = fencer;
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigild-transition-timers");
      t.setDaemon(true);
      return t;
    });
    this.local = new LocalExecution(executor, report -> loop.accept(() -> onLocalReport(report)));
  }

  public boolean isDc() {
    return driver != null;
  }

  /** This node became DC: it runs the scheduler on the status it finds. */
  public void becameDc(Cib cib) {
    String uuid = UUID.randomUUID().toString();
    driver = new TransitionDriver(scheduler, uuid, nextTransitionId, cib);
    seen = cib;
    written.clear();
    dispatcher = new ClusterDispatcher(() -> driver.cib(), this::runOn, fencer,
        command -> new Thread(command, "vigild-fencing").start(), report -> loop.accept(() -> onReportAtDc(report)));
    log.info("Node {} runs transitions as DC ({})", nodeName, uuid);
    carryOut(driver.start(Instant.now()));
    dcKnown();
  }

  /** Another node is DC now (or none): this one stops running transitions. */
  public void lostDc() {
    if (driver != null) {
      nextTransitionId = driver.transitionId() + 1;
      log.info("Node {} no longer runs transitions", nodeName);
    }
    driver = null;
    dispatcher = null;
  }

  /**
   * The replicated CIB as it stands after a turn of the daemon's loop. If it is exactly what
   * this DC's own status writes since the last call make of the previous one, nothing else
   * changed and the running transition goes on; any other change (configuration, node
   * attributes, membership) makes the scheduler run again.
   */
  public void cibCommitted(Cib latest) {
    if (driver == null) {
      return;
    }
    Cib expected = seen;
    for (StatusChange c : written) {
      expected = c.applyTo(expected);
    }
    written.clear();
    seen = latest;
    if (expected.withVersion(latest.version()).equals(latest)) {
      driver.statusWritten(latest);
    } else {
      carryOut(driver.cibChanged(latest, Instant.now()));
    }
  }

  /**
   * Another node joined: as DC, forget what the status said about it (it may have restarted,
   * or run things while cut off) and schedule, so that it is probed.
   */
  public void nodeJoined(String node) {
    if (driver == null || node.equals(nodeName)) {
      return;
    }
    List<StatusChange> changes = List.of(new StatusChange.NodeJoined(node));
    Cib next;
    try {
      next = changes.get(0).applyTo(driver.cib());
    } catch (IllegalArgumentException e) {
      log.debug("node {} is not in the configuration yet: {}", node, e.getMessage());
      return;
    }
    written.addAll(changes);
    outbox.writeStatus(changes);
    carryOut(driver.cibChanged(next, Instant.now()));
  }

  /** A node left the membership. */
  public void nodeLost(String node) {
    if (driver != null) {
      carryOut(driver.nodeLost(node, Instant.now()));
    }
  }

  /** A DC is known again: reports kept while there was none are sent. */
  public void dcKnown() {
    List<byte[]> pending = new ArrayList<>(unsentReports);
    unsentReports.clear();
    pending.forEach(this::sendReport);
  }

  /**
   * A {@link TransitionCodec} message from another node (or looped back from this one): a
   * {@link RunRequest} from the DC, or an {@link ActionReport} for this node as DC.
   */
  public void onMessage(byte[] bytes) throws TransitionCodec.MalformedException {
    if (TransitionCodec.isRunRequest(bytes)) {
      RunRequest r = TransitionCodec.decodeRun(bytes);
      local.run(r.actionId(), r.op(), r.key());
    } else {
      onReportAtDc(TransitionCodec.decodeReport(bytes));
    }
  }

  private void runOn(String node, int actionId, PlannedOperation op, TransitionKey key) {
    if (node.equals(nodeName)) {
      local.run(actionId, op, key);
    } else if (!outbox.sendRun(node, TransitionCodec.encode(new RunRequest(actionId, op, key)))) {
      ActionResult failed = new ActionResult(new ActionOutcome.Failed(actionId, 1, "node " + node
          + " cannot be reached"), List.of());
      // a second's pause: should the scheduler insist on an unreachable node, the cluster retries calmly
      timers.schedule(() -> loop.accept(() -> onReportAtDc(new ActionReport(key, failed))), 1, TimeUnit.SECONDS);
    }
  }

  private void onLocalReport(ActionReport report) {
    if (driver != null) {
      onReportAtDc(report);
    } else {
      sendReport(TransitionCodec.encode(report));
    }
  }

  private void sendReport(byte[] bytes) {
    if (!outbox.sendReport(bytes)) {
      unsentReports.add(bytes);
    }
  }

  private void onReportAtDc(ActionReport report) {
    if (driver == null) {
      sendReport(TransitionCodec.encode(report)); // became DC elsewhere meanwhile
      return;
    }
    carryOut(driver.actionFinished(report.key(), report.result(), Instant.now()));
  }

  private void carryOut(List<Effect> effects) {
    for (Effect e : effects) {
      if (e instanceof Effect.WriteStatus w) {
        written.addAll(w.changes());
        outbox.writeStatus(w.changes());
      } else if (e instanceof Effect.ResumeAfter r) {
        TransitionDriver current = driver;
        timers.schedule(() -> loop.accept(() -> {
          if (driver == current) {
            carryOut(current.resume(Instant.now()));
          }
        }), r.delay().toMillis(), TimeUnit.MILLISECONDS);
      } else if (e instanceof Effect.Dispatch d) {
        TransitionDriver current = driver;
        long overdueMs = answerWithinMs(current.cib(), d.action());
        timers.schedule(() -> loop.accept(() -> {
          if (driver == current) {
            carryOut(current.actionOverdue(d.key(), Instant.now()));
          }
        }), overdueMs, TimeUnit.MILLISECONDS);
        dispatcher.dispatch(d.action(), d.key());
      }
    }
  }

  /** How long an action may take to answer: its timeout plus {@code cluster-delay}. */
  static long answerWithinMs(Cib cib, GraphAction action) {
    long delay = cib.configuration().property("cluster-delay").flatMap(Durations::parseMillis)
        .orElse(DEFAULT_CLUSTER_DELAY_MS);
    long timeout = switch (action.kind()) {
      case RESOURCE -> {
        try {
          yield OperationPlanner.plan(cib, action).timeoutMs();
        } catch (IllegalArgumentException e) {
          yield 0L;
        }
      }
      case FENCE -> FencePlan.of(cib, action.node(), null).devices().stream().mapToLong(FenceDevice::timeoutMs).sum();
      case CLUSTER, PSEUDO -> 0L;
    };
    return timeout + delay;
  }

  /** What this node started and still runs. */
  public List<String> localResources() {
    return local.activeResources();
  }

  /** Stops what runs on this node before it leaves the cluster (see {@link LocalExecution#stopAll}). */
  public List<String> stopLocalResources() {
    return local.stopAll();
  }

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
