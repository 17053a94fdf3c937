package org.vigil.controller.transition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cib.model.Cib;
import org.vigil.cib.values.Score;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Scheduler;
import org.vigil.pe.Transition;

/**
 * The DC's loop over transitions, as a state machine that returns effects: every change of
 * the CIB by someone else, every unexpected result and every lost node leads to a new
 * transition computed by the scheduler on the latest CIB; one transition runs at a time, and a
 * running one is aborted (then drained) before the next is computed. Results are turned into
 * status changes that the caller writes into the replicated CIB; the driver applies them to its
 * own copy too, so the next schedule sees them at once.
 *
 * <p>Single-threaded and clock-free: the caller's event loop calls it and passes the time.
 */
public final class TransitionDriver {
  private static final Logger log = LoggerFactory.getLogger(TransitionDriver.class);

  /** Aborted transitions in a row after which the next one waits. */
  static final int PAUSE_AFTER_ABORTS = 3;
  static final Duration MAX_PAUSE = Duration.ofSeconds(5);

  private final Scheduler scheduler;
  private final String uuid;
  private int nextTransitionId;
  private Cib cib;
  private TransitionEngine engine;
  private int transitionId = -1;
  private boolean rescheduleWanted;
  /** Transitions aborted since the last one that completed. */
  private int abortedInARow;
  /** Waiting for {@link #resume} before scheduling again. */
  private boolean pausing;
  /** The pause before the next transition was served. */
  private boolean paused;

  /**
   * @param uuid names this DC run in transition keys: results for another DC's graphs are
   *     recorded but never taken for this one's
   * @param firstTransitionId the number of the first transition this DC runs
   */
  public TransitionDriver(Scheduler scheduler, String uuid, int firstTransitionId, Cib cib) {
    this.scheduler = scheduler;
    this.uuid = uuid;
    this.nextTransitionId = firstTransitionId;
    this.cib = cib;
  }

  /** The transition running now (dispatching or draining), if any. */
  public Optional<TransitionEngine> running() {
    return Optional.ofNullable(engine);
  }

  /** The number of the transition running now, or of the last one that ran (-1 before the first). */
  public int transitionId() {
    return transitionId;
  }

  /** The CIB as the driver knows it: the latest one it was given, with the status it wrote since. */
  public Cib cib() {
    return cib;
  }

  /** Starts the first transition (when this node becomes DC, on the status it finds). */
  public List<Effect> start(Instant now) {
    rescheduleWanted = true;
    return advance(now, new ArrayList<>());
  }

  /**
   * The CIB was changed by someone other than this driver (configuration, node attributes,
   * membership): a running transition is aborted, and the scheduler runs again once it drained.
   */
  public List<Effect> cibChanged(Cib latest, Instant now) {
    this.cib = latest;
    trigger("CIB changed (epoch " + latest.version() + ")");
    return advance(now, new ArrayList<>());
  }

  /** The replicated CIB after this driver's own status changes were written: adopted, nothing aborted. */
  public void statusWritten(Cib latest) {
    this.cib = latest;
  }

  /**
   * The result of an action this driver dispatched, or a later result of a recurring
   * operation. A result for the running transition feeds its engine; any other failed
   * operation (a monitor finding its resource failed) makes the scheduler run again.
   */
  public List<Effect> actionFinished(TransitionKey key, ActionResult result, Instant now) {
    List<Effect> effects = new ArrayList<>();
    if (!result.statusChanges().isEmpty()) {
      for (StatusChange c : result.statusChanges()) {
        cib = c.applyTo(cib);
      }
      effects.add(new Effect.WriteStatus(result.statusChanges()));
    }
    boolean current = engine != null && uuid.equals(key.uuid()) && key.transitionId() == transitionId;
    TransitionEngine.Recorded recorded = current ? engine.record(result.outcome()) : TransitionEngine.Recorded.IGNORED;
    if (recorded == TransitionEngine.Recorded.IGNORED) {
      for (StatusChange c : result.statusChanges()) {
        if (c instanceof StatusChange.OperationRecorded r && r.operation().failed()) {
          trigger(r.operation().operationKey() + " on " + r.operation().node() + " failed (rc=" + r.operation().rc()
              + ", expected " + key.targetRc() + ")");
        }
      }
    }
    return advance(now, effects);
  }

  /**
   * No result came for an action within its timeout and the cluster's delay (a lost message,
   * a hung node): it counts as timed out. Nothing happens if its result came meanwhile.
   */
  public List<Effect> actionOverdue(TransitionKey key, Instant now) {
    if (engine != null && uuid.equals(key.uuid()) && key.transitionId() == transitionId
        && engine.record(new ActionOutcome.TimedOut(key.actionId())) == TransitionEngine.Recorded.FAILED) {
      log.warn("Transition {}: no result for action {} in time", transitionId, key.actionId());
    }
    return advance(now, new ArrayList<>());
  }

  /** The pause asked for with {@link Effect.ResumeAfter} is over. */
  public List<Effect> resume(Instant now) {
    pausing = false;
    paused = true;
    return advance(now, new ArrayList<>());
  }

  /** How long to wait before the next transition after {@code aborted} aborted ones in a row. */
  static Duration pauseAfter(int aborted) {
    if (aborted < PAUSE_AFTER_ABORTS) {
      return Duration.ZERO;
    }
    long ms = 250L << Math.min(aborted - PAUSE_AFTER_ABORTS, 5);
    return Duration.ofMillis(Math.min(ms, MAX_PAUSE.toMillis()));
  }

  /**
   * A node left the membership: its actions in flight will never answer, so they fail, and
   * the transition is aborted. (Fencing of that node is carried out elsewhere and is kept.)
   */
  public List<Effect> nodeLost(String node, Instant now) {
    if (engine != null) {
      for (GraphAction a : engine.inFlightOn(node)) {
        if (a.kind() != GraphAction.Kind.FENCE) {
          engine.record(new ActionOutcome.Failed(a.id(), 1, "node " + node + " left the cluster"));
        }
      }
    }
    trigger("node " + node + " left the cluster");
    return advance(now, new ArrayList<>());
  }

  private void trigger(String reason) {
    rescheduleWanted = true;
    if (engine != null && engine.phase() == TransitionPhase.RUNNING) {
      log.info("Transition {} aborted: {}", transitionId, reason);
      engine.abort(reason);
    }
  }

  /** Dispatches what is ready, closes a finished transition, and computes the next when wanted. */
  private List<Effect> advance(Instant now, List<Effect> effects) {
    while (true) {
      if (engine != null) {
        for (GraphAction a : engine.dispatch()) {
          effects.add(new Effect.Dispatch(a, new TransitionKey(a.id(), transitionId, ExpectedResult.targetRc(a), uuid)));
        }
        TransitionPhase phase = engine.phase();
        if (!phase.isFinished()) {
          return effects;
        }
        if (phase == TransitionPhase.COMPLETE) {
          log.info("Transition {} complete ({} actions)", transitionId, engine.transition().actions().size());
          abortedInARow = 0;
        } else {
          abortedInARow++;
          log.info("Transition {} stopped after {} of {} actions: {}", transitionId, engine.confirmedCount(),
              engine.transition().actions().size(), engine.abortReason().orElse(""));
          rescheduleWanted = true;
        }
        engine = null;
      }
      if (!rescheduleWanted || pausing) {
        return effects;
      }
      Duration pause = pauseAfter(abortedInARow);
      if (!pause.isZero() && !paused) {
        log.warn("{} transitions aborted in a row; waiting {} ms before the next", abortedInARow, pause.toMillis());
        pausing = true;
        effects.add(new Effect.ResumeAfter(pause));
        return effects;
      }
      paused = false;
      rescheduleWanted = false;
      Transition t = scheduler.schedule(cib, now);
      t.messages().forEach(m -> log.warn("Scheduler: {}", m));
      if (t.isEmpty()) {
        return effects;
      }
      try {
        engine = new TransitionEngine(t, batchLimit(cib));
      } catch (IllegalArgumentException e) {
        log.error("Cannot run the scheduler's transition: {}", e.getMessage());
        return effects;
      }
      transitionId = nextTransitionId++;
      log.info("Transition {}: {} actions", transitionId, t.actions().size());
      t.summary().forEach(line -> log.info("  {}", line));
    }
  }

  /** The {@code batch-limit} cluster property; 0 (the default) is no limit. */
  static int batchLimit(Cib cib) {
    return cib.configuration().property("batch-limit").flatMap(Score::parse).map(n -> Math.max(n, 0)).orElse(0);
  }
}
