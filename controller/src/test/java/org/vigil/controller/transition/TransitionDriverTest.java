package org.vigil.controller.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.controller.transition.Graphs.graph;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Scheduler;
import org.vigil.pe.Transition;

class TransitionDriverTest {
  private static final String UUID = "dc-run-1";
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

  /** Hands out the transitions it was given, one per call, then empty ones; remembers its inputs. */
  private static final class ScriptedScheduler implements Scheduler {
    final Deque<Transition> script = new ArrayDeque<>();
    final List<Cib> inputs = new ArrayList<>();

    ScriptedScheduler then(Transition t) {
      script.add(t);
      return this;
    }

    @Override
    public Transition schedule(Cib cib, Instant now) {
      inputs.add(cib);
      return script.isEmpty() ? Transition.EMPTY : script.poll();
    }
  }

  private static Cib cib(String props) throws Exception {
    return CibXml.parse("""
        <cib epoch="3" num_updates="0" admin_epoch="0"><configuration><crm_config>
          <cluster_property_set id="o">%s</cluster_property_set></crm_config>
          <nodes><node id="1" uname="n1"/><node id="2" uname="n2"/></nodes>
          <resources><primitive id="a" class="ocf" provider="pacemaker" type="Dummy"/>
          <primitive id="b" class="ocf" provider="pacemaker" type="Dummy"/></resources>
          <constraints/></configuration><status/></cib>
        """.formatted(props), "test");
  }

  private static List<Effect.Dispatch> dispatches(List<Effect> effects) {
    return effects.stream().filter(e -> e instanceof Effect.Dispatch).map(e -> (Effect.Dispatch) e).toList();
  }

  private static List<Integer> dispatched(List<Effect> effects) {
    return dispatches(effects).stream().map(d -> d.action().id()).toList();
  }

  /** The result an executor gives for {@code d}: {@code rc}, recorded in the status. */
  private static ActionResult ran(Effect.Dispatch d, int rc) {
    GraphAction a = d.action();
    ExecutedOperation op = new ExecutedOperation(a.node(), a.resource(), "ocf", "pacemaker", "Dummy", a.task(),
        a.intervalMs(), rc, ExecutedOperation.DONE, null, a.id(), NOW.getEpochSecond(), 10, 0, "digest", d.key());
    return new ActionResult(new ActionOutcome.Completed(a.id(), rc), List.of(new StatusChange.OperationRecorded(op)));
  }

  @Test
  void theFirstTransitionIsDispatchedWithKeysNamingTransitionAndExpectedRc() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler().then(graph().probe(1, "a", "n1").rsc(2, "a", "start", "n1", 1).build());
    TransitionDriver d = new TransitionDriver(s, UUID, 5, cib(""));
    List<Effect> effects = d.start(NOW);
    assertThat(dispatches(effects)).singleElement().satisfies(x -> {
      assertThat(x.action().id()).isEqualTo(1);
      assertThat(x.key()).isEqualTo(new TransitionKey(1, 5, 7, UUID));
    });
    assertThat(d.transitionId()).isEqualTo(5);
  }

  @Test
  void resultsAreWrittenToTheStatusAndReleaseTheNextActions() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler().then(graph().rsc(1, "a", "start", "n1")
        .monitor(2, "a", 10000, "n1", 1).build());
    TransitionDriver d = new TransitionDriver(s, UUID, 0, cib(""));
    Effect.Dispatch start = dispatches(d.start(NOW)).get(0);
    List<Effect> effects = d.actionFinished(start.key(), ran(start, 0), NOW);
    assertThat(effects.get(0)).isInstanceOf(Effect.WriteStatus.class);
    assertThat(dispatched(effects)).containsExactly(2);
    assertThat(d.cib().status().nodeState("n1").orElseThrow().lrmResources()).hasSize(1);
    Effect.Dispatch monitor = dispatches(effects).get(0);
    d.actionFinished(monitor.key(), ran(monitor, 0), NOW);
    assertThat(d.running()).isEmpty();
    assertThat(s.inputs).as("no new schedule after a complete transition").hasSize(1);
  }

  @Test
  void anUnexpectedResultAbortsAndTheSchedulerRunsAgainOnTheStatusWithTheFailure() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler()
        .then(graph().rsc(1, "a", "start", "n1").rsc(2, "b", "start", "n2").rsc(3, "a", "monitor", "n1", 1).build())
        .then(graph().rsc(1, "a", "stop", "n1").build());
    TransitionDriver d = new TransitionDriver(s, UUID, 0, cib(""));
    List<Effect.Dispatch> first = dispatches(d.start(NOW));
    List<Effect> afterFailure = d.actionFinished(first.get(0).key(), ran(first.get(0), 1), NOW);
    assertThat(dispatched(afterFailure)).as("waiting for b's start").isEmpty();
    assertThat(d.running().orElseThrow().phase()).isEqualTo(TransitionPhase.DRAINING);
    List<Effect> next = d.actionFinished(first.get(1).key(), ran(first.get(1), 0), NOW);
    assertThat(dispatches(next)).singleElement().satisfies(x -> {
      assertThat(x.action().task()).isEqualTo("stop");
      assertThat(x.key().transitionId()).isEqualTo(1);
    });
    Cib seen = s.inputs.get(1);
    assertThat(seen.status().nodeState("n1").orElseThrow().transientAttribute("fail-count-a#start_0"))
        .contains("INFINITY");
    assertThat(seen.status().nodeState("n2").orElseThrow().lrmResources()).hasSize(1);
  }

  @Test
  void aChangeByAnotherWriterAbortsTheRunningTransitionButOwnStatusWritesDoNot() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler()
        .then(graph().rsc(1, "a", "start", "n1").rsc(2, "b", "start", "n1", 1).build())
        .then(graph().rsc(1, "b", "start", "n2").build());
    TransitionDriver d = new TransitionDriver(s, UUID, 0, cib(""));
    Effect.Dispatch first = dispatches(d.start(NOW)).get(0);
    d.statusWritten(d.cib());
    assertThat(d.running().orElseThrow().phase()).isEqualTo(TransitionPhase.RUNNING);
    Cib standby = cib("<nvpair id=\"o-x\" name=\"stop-all-resources\" value=\"false\"/>");
    assertThat(d.cibChanged(standby, NOW)).isEmpty();
    assertThat(d.running().orElseThrow().phase()).isEqualTo(TransitionPhase.DRAINING);
    List<Effect> next = d.actionFinished(first.key(), ran(first, 0), NOW);
    assertThat(dispatches(next)).singleElement().satisfies(x -> assertThat(x.action().node()).isEqualTo("n2"));
    assertThat(s.inputs.get(1).configuration().property("stop-all-resources")).contains("false");
  }

  @Test
  void aRecurringMonitorFailingLaterMakesANewTransition() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler()
        .then(graph().monitor(1, "a", 10000, "n1").build())
        .then(graph().rsc(1, "a", "stop", "n1").build());
    TransitionDriver d = new TransitionDriver(s, UUID, 0, cib(""));
    Effect.Dispatch monitor = dispatches(d.start(NOW)).get(0);
    d.actionFinished(monitor.key(), ran(monitor, 0), NOW);
    assertThat(d.running()).isEmpty();
    List<Effect> later = d.actionFinished(monitor.key(), ran(monitor, 7), NOW);
    assertThat(later.get(0)).isInstanceOf(Effect.WriteStatus.class);
    assertThat(dispatches(later)).singleElement().satisfies(x -> assertThat(x.action().task()).isEqualTo("stop"));
    assertThat(d.transitionId()).isEqualTo(1);
  }

  @Test
  void resultsOfAnotherDcsTransitionsAreRecordedButNotTakenForThisOnes() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler().then(graph().rsc(1, "a", "start", "n1").build());
    TransitionDriver d = new TransitionDriver(s, UUID, 0, cib(""));
    Effect.Dispatch start = dispatches(d.start(NOW)).get(0);
    Effect.Dispatch stale = new Effect.Dispatch(start.action(), new TransitionKey(1, 0, 0, "old-dc"));
    List<Effect> effects = d.actionFinished(stale.key(), ran(stale, 0), NOW);
    assertThat(effects).singleElement().isInstanceOf(Effect.WriteStatus.class);
    assertThat(d.running().orElseThrow().state(1)).isEqualTo(ActionState.IN_FLIGHT);
  }

  @Test
  void aLostNodeFailsItsActionsInFlightButNotItsFencing() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler()
        .then(graph().fence(1, "n2").rsc(2, "b", "stop", "n2").rsc(3, "a", "start", "n1", 1).build())
        .then(graph().rsc(1, "b", "start", "n1").build());
    TransitionDriver d = new TransitionDriver(s, UUID, 0, cib(""));
    List<Effect.Dispatch> first = dispatches(d.start(NOW));
    assertThat(first).extracting(x -> x.action().id()).containsExactly(1, 2);
    d.nodeLost("n2", NOW);
    TransitionEngine e = d.running().orElseThrow();
    assertThat(e.state(2)).isEqualTo(ActionState.FAILED);
    assertThat(e.state(1)).isEqualTo(ActionState.IN_FLIGHT);
    assertThat(e.phase()).isEqualTo(TransitionPhase.DRAINING);
    List<Effect> next = d.actionFinished(first.get(0).key(),
        new ActionResult(ActionOutcome.succeeded(1), List.of(new StatusChange.NodeFenced("n2"))), NOW);
    assertThat(dispatches(next)).singleElement().satisfies(x -> assertThat(x.action().resource()).isEqualTo("b"));
    assertThat(s.inputs.get(1).status().nodeState("n2").orElseThrow().inCcm()).isEqualTo("false");
  }

  @Test
  void batchLimitComesFromTheClusterProperty() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler().then(graph().rsc(1, "a", "start", "n1").rsc(2, "b", "start", "n1")
        .rsc(3, "c", "start", "n2").build());
    TransitionDriver d = new TransitionDriver(s, UUID, 0, cib("<nvpair id=\"o-b\" name=\"batch-limit\" value=\"2\"/>"));
    assertThat(dispatched(d.start(NOW))).containsExactly(1, 2);
    assertThat(TransitionDriver.batchLimit(cib(""))).isZero();
  }

  @Test
  void anActionWithoutAnswerTimesOutAndALateAnswerIsStillRecorded() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler().then(graph().rsc(1, "a", "start", "n1").build())
        .then(graph().rsc(1, "a", "stop", "n1").build());
    TransitionDriver d = new TransitionDriver(s, UUID, 0, cib(""));
    Effect.Dispatch start = dispatches(d.start(NOW)).get(0);
    List<Effect> next = d.actionOverdue(start.key(), NOW);
    assertThat(dispatches(next)).singleElement().satisfies(x -> assertThat(x.action().task()).isEqualTo("stop"));
    assertThat(d.actionOverdue(start.key(), NOW)).as("an old transition's action").isEmpty();
    assertThat(d.actionFinished(start.key(), ran(start, 0), NOW)).singleElement().isInstanceOf(Effect.WriteStatus.class);
  }

  @Test
  void aGraphTheEngineRefusesLeavesTheDriverIdle() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler().then(graph().rsc(1, "a", "start", "n1", 2).build());
    TransitionDriver d = new TransitionDriver(s, UUID, 0, cib(""));
    assertThat(d.start(NOW)).isEmpty();
    assertThat(d.running()).isEmpty();
    assertThat(d.transitionId()).isEqualTo(-1);
  }

  @Test
  void transitionsThatKeepAbortingArePacedAndTheFirstCompleteOneEndsThat() throws Exception {
    ScriptedScheduler s = new ScriptedScheduler();
    for (int i = 0; i < 4; i++) {
      s.then(graph().probe(1, "a", "n1").build());
    }
    s.then(graph().rsc(1, "a", "start", "n1").build());
    TransitionDriver d = new TransitionDriver(s, UUID, 0, cib(""));
    List<Effect> effects = d.start(NOW);
    for (int i = 0; i < 3; i++) {
      Effect.Dispatch probe = dispatches(effects).get(0);
      effects = d.actionFinished(probe.key(), ran(probe, 0), NOW);
    }
    assertThat(effects).last().isEqualTo(new Effect.ResumeAfter(java.time.Duration.ofMillis(250)));
    assertThat(s.inputs).hasSize(3);
    assertThat(d.cibChanged(d.cib(), NOW)).as("nothing scheduled while pausing").isEmpty();
    effects = d.resume(NOW);
    Effect.Dispatch probe = dispatches(effects).get(0);
    effects = d.actionFinished(probe.key(), ran(probe, 0), NOW);
    assertThat(effects).last().isEqualTo(new Effect.ResumeAfter(java.time.Duration.ofMillis(500)));
    Effect.Dispatch start = dispatches(d.resume(NOW)).get(0);
    d.actionFinished(start.key(), ran(start, 0), NOW);
    assertThat(d.running()).isEmpty();
    assertThat(TransitionDriver.pauseAfter(2)).isZero();
    assertThat(TransitionDriver.pauseAfter(30)).isEqualTo(TransitionDriver.MAX_PAUSE);
  }
}
