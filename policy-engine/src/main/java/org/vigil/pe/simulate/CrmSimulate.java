package org.vigil.pe.simulate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.vigil.cib.model.Cib;
import org.vigil.pe.AllocationScores;
import org.vigil.pe.Scheduler;
import org.vigil.pe.Transition;
import org.vigil.pe.render.SimulationReport;
import org.vigil.pe.render.StatusView;
import org.vigil.pe.render.StatusViews;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;
import org.vigil.pe.status.Replays;

/**
 * {@code crm_simulate -x FILE -S}: show the cluster, schedule a transition, execute it in
 * simulation and show the cluster again.
 */
public final class CrmSimulate {
  static final String SCHEMA_DISABLED = "Schema validation of configuration is disabled "
      + "(enabling is encouraged and prevents common misconfigurations)";

  private CrmSimulate() {}

  /** How far crm_simulate goes. */
  public enum Mode {
    /** Show the current status only (no option). */
    SHOW,
    /** Schedule and print the Transition Summary ({@code -R}). */
    RUN,
    /** Schedule, execute in simulation and show the revised status ({@code -S}). */
    SIMULATE
  }

  /**
   * Simulates {@code cib} as of {@code now} (the caller passes the CIB's execution-date when it
   * has one). Scheduler messages go to stderr only when {@code verbose}, as crm_simulate logs
   * warnings only with {@code -V}.
   */
  public static SimulationOutput run(Cib cib, Instant now, Scheduler scheduler, Mode mode, boolean verbose) {
    return run(cib, now, scheduler, mode, verbose, Background.INLINE);
  }

  /**
   * As {@link #run(Cib, Instant, Scheduler, Mode, boolean)}; a large cluster's current status is
   * worked out in {@code background} while the transition is scheduled.
   */
  public static SimulationOutput run(Cib cib, Instant now, Scheduler scheduler, Mode mode, boolean verbose,
      Background background) {
    return run(cib, now, scheduler, mode, verbose, background, null);
  }

  /**
   * As {@link #run(Cib, Instant, Scheduler, Mode, boolean, Background)}; with {@code scores}
   * ({@code -s}) the scheduler records its allocation scores there and they are shown after the
   * current status.
   */
  public static SimulationOutput run(Cib cib, Instant now, Scheduler scheduler, Mode mode, boolean verbose,
      Background background, AllocationScores scores) {
    Replays replays = new Replays();
    ClusterState unpacked = ClusterStatus.unpack(cib, now, replays);
    List<String> errors = new ArrayList<>();
    if ("none".equals(cib.attr("validate-with"))) {
      errors.add(SCHEMA_DISABLED);
    }
    // a large cluster's current status is shown (worked out and written) on another core while
    // the transition is scheduled: both only read the unpacked status
    Supplier<String> show = () -> SimulationReport.head(cib.executionDate(), StatusViews.of(unpacked));
    Supplier<String> head = mode != Mode.SHOW && unpacked.resources().size() >= PARALLEL_FROM
        ? background.start(show) : show;
    if (mode == Mode.SHOW) {
      return new SimulationOutput(SimulationReport.render(head.get(), cib.executionDate(), null, null, null),
          lines(errors), 0);
    }
    Transition transition;
    try {
      transition = scores == null ? scheduler.schedule(unpacked) : scheduler.schedule(unpacked, scores);
    } catch (RuntimeException | Error e) {
      // as if the status had been shown first: its failure is the one reported
      head.get();
      throw e;
    }
    if (verbose) {
      errors.addAll(transition.messages());
    }
    String shown = scores == null ? head.get() : withScores(head.get(), scores);
    if (mode == Mode.RUN) {
      return new SimulationOutput(SimulationReport.render(shown, cib.executionDate(), transition.summary(), null,
          null), lines(errors), 0);
    }
    SimulatedExecution execution = TransitionSimulator.run(cib, transition, now);
    StatusView revised = StatusViews.of(ClusterStatus.unpack(execution.revised(), now, replays));
    String stdout = SimulationReport.render(shown, cib.executionDate(), transition.summary(), execution.lines(),
        revised);
    if (!execution.completed()) {
      errors.add("Transition failed: terminated");
      errors.add("An invalid transition was produced");
    }
    return new SimulationOutput(stdout, lines(errors), execution.completed() ? 0 : 1);
  }

  /** Resource instances from which the current status is shown on another thread (small ones are quicker alone). */
  private static final int PARALLEL_FROM = 500;

  /** The current status, then (after a blank line) the score lines. */
  private static String withScores(String head, AllocationScores scores) {
    List<String> lines = scores.lines();
    return lines.isEmpty() ? head : head + "\n" + lines(lines);
  }

  private static String lines(List<String> messages) {
    StringBuilder sb = new StringBuilder();
    messages.forEach(m -> sb.append(m).append('\n'));
    return sb.toString();
  }
}
