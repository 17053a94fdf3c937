package org.vigil.controller.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.controller.transition.Graphs.graph;
import static org.vigil.controller.transition.Graphs.ids;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.controller.transition.ActionOutcome.Completed;
import org.vigil.controller.transition.ActionOutcome.Failed;
import org.vigil.controller.transition.ActionOutcome.TimedOut;
import org.vigil.controller.transition.TransitionEngine.Recorded;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Transition;

class TransitionEngineTest {
  private static Completed ok(int id) {
    return new Completed(id, 0);
  }

  @Test
  void anEmptyTransitionIsCompleteAtOnce() {
    TransitionEngine e = new TransitionEngine(Transition.EMPTY, 0);
    assertThat(e.phase()).isEqualTo(TransitionPhase.COMPLETE);
    assertThat(e.dispatch()).isEmpty();
  }

  @Test
  void aChainRunsOneActionAfterTheOther() {
    TransitionEngine e = new TransitionEngine(graph()
        .rsc(1, "vip", "start", "n1")
        .rsc(2, "fs", "start", "n1", 1)
        .rsc(3, "db", "start", "n1", 2).build(), 0);
    assertThat(ids(e.dispatch())).containsExactly(1);
    assertThat(e.dispatch()).isEmpty();
    assertThat(e.state(2)).isEqualTo(ActionState.WAITING);
    assertThat(e.record(ok(1))).isEqualTo(Recorded.CONFIRMED);
    assertThat(ids(e.dispatch())).containsExactly(2);
    e.record(ok(2));
    assertThat(ids(e.dispatch())).containsExactly(3);
    assertThat(e.phase()).isEqualTo(TransitionPhase.RUNNING);
    e.record(ok(3));
    assertThat(e.phase()).isEqualTo(TransitionPhase.COMPLETE);
    assertThat(e.confirmedCount()).isEqualTo(3);
  }

  @Test
  void parallelBranchesAreDispatchedTogether() {
    TransitionEngine e = new TransitionEngine(graph()
        .rsc(1, "a", "start", "n1")
        .rsc(2, "a", "monitor", "n1", 1)
        .rsc(3, "b", "start", "n2")
        .rsc(4, "b", "monitor", "n2", 3).build(), 0);
    assertThat(ids(e.dispatch())).containsExactly(1, 3);
    e.record(ok(3));
    assertThat(ids(e.dispatch())).containsExactly(4);
    e.record(ok(4));
    assertThat(e.phase()).isEqualTo(TransitionPhase.RUNNING);
    e.record(ok(1));
    assertThat(ids(e.dispatch())).containsExactly(2);
    e.record(ok(2));
    assertThat(e.phase()).isEqualTo(TransitionPhase.COMPLETE);
  }

  @Test
  void theJoinOfADiamondWaitsForBothSides() {
    TransitionEngine e = new TransitionEngine(graph()
        .rsc(1, "top", "start", "n1")
        .rsc(2, "left", "start", "n1", 1)
        .rsc(3, "right", "start", "n2", 1)
        .rsc(4, "bottom", "start", "n1", 2, 3).build(), 0);
    e.dispatch();
    e.record(ok(1));
    assertThat(ids(e.dispatch())).containsExactly(2, 3);
    e.record(ok(3));
    assertThat(e.dispatch()).isEmpty();
    assertThat(e.state(4)).isEqualTo(ActionState.WAITING);
    e.record(ok(2));
    assertThat(e.state(4)).isEqualTo(ActionState.READY);
    assertThat(ids(e.dispatch())).containsExactly(4);
  }

  @Test
  void aFailureMidGraphStopsDispatchWaitsForWhatIsInFlightThenAborts() {
    TransitionEngine e = new TransitionEngine(graph()
        .rsc(1, "a", "start", "n1")
        .rsc(2, "b", "start", "n1", 1)
        .rsc(3, "c", "start", "n1", 2)
        .rsc(4, "x", "start", "n2")
        .rsc(5, "y", "start", "n2").build(), 2);
    assertThat(ids(e.dispatch())).containsExactly(1, 4);
    e.record(ok(1));
    assertThat(ids(e.dispatch())).containsExactly(2);
    assertThat(e.record(new Completed(2, 1))).isEqualTo(Recorded.FAILED);
    assertThat(e.phase()).isEqualTo(TransitionPhase.DRAINING);
    assertThat(e.dispatch()).as("nothing new after an abort, though a slot is free").isEmpty();
    assertThat(ids(e.inFlight())).containsExactly(4);
    assertThat(e.record(ok(4))).isEqualTo(Recorded.CONFIRMED);
    assertThat(e.phase()).isEqualTo(TransitionPhase.ABORTED);
    assertThat(e.state(3)).isEqualTo(ActionState.WAITING);
    assertThat(e.state(5)).isEqualTo(ActionState.READY);
    assertThat(e.failures()).singleElement().satisfies(f -> {
      assertThat(f.action().id()).isEqualTo(2);
      assertThat(f.describe()).isEqualTo("action 2 (b_start_0 on n1): expected rc 0 but got 1");
    });
    assertThat(e.abortReason()).contains("action 2 (b_start_0 on n1): expected rc 0 but got 1");
  }

  @Test
  void timeoutsAndFailuresToRunAbortToo() {
    TransitionEngine e = new TransitionEngine(graph()
        .rsc(1, "a", "start", "n1")
        .rsc(2, "b", "start", "n2").build(), 0);
    e.dispatch();
    assertThat(e.record(new TimedOut(1))).isEqualTo(Recorded.FAILED);
    assertThat(e.record(new Failed(2, 5, "agent ocf:pacemaker:Nope is not installed"))).isEqualTo(Recorded.FAILED);
    assertThat(e.phase()).isEqualTo(TransitionPhase.ABORTED);
    assertThat(e.failures()).extracting(FailedAction::describe).containsExactly(
        "action 1 (a_start_0 on n1) timed out",
        "action 2 (b_start_0 on n2) failed: agent ocf:pacemaker:Nope is not installed");
    assertThat(e.abortReason()).contains("action 1 (a_start_0 on n1) timed out");
  }

  @Test
  void pseudoActionsCompleteWithoutBeingDispatched() {
    TransitionEngine e = new TransitionEngine(graph()
        .pseudo(1, "grp_start_0")
        .rsc(2, "a", "start", "n1", 1)
        .rsc(3, "b", "start", "n1", 2)
        .pseudo(4, "grp_running_0", 2, 3)
        .pseudo(5, "clone_running_0", 4)
        .monitor(6, "a", 10000, "n1", 5).build(), 0);
    assertThat(e.state(1)).isEqualTo(ActionState.CONFIRMED);
    assertThat(ids(e.dispatch())).containsExactly(2);
    e.record(ok(2));
    assertThat(ids(e.dispatch())).containsExactly(3);
    e.record(ok(3));
    assertThat(e.state(4)).isEqualTo(ActionState.CONFIRMED);
    assertThat(e.state(5)).isEqualTo(ActionState.CONFIRMED);
    List<GraphAction> next = e.dispatch();
    assertThat(ids(next)).containsExactly(6);
    e.record(ok(6));
    assertThat(e.phase()).isEqualTo(TransitionPhase.COMPLETE);
  }

  @Test
  void aGraphOfPseudoActionsOnlyIsCompleteAtOnce() {
    TransitionEngine e = new TransitionEngine(graph().pseudo(1, "a").pseudo(2, "b", 1).pseudo(3, "c", 1, 2).build(), 0);
    assertThat(e.phase()).isEqualTo(TransitionPhase.COMPLETE);
    assertThat(e.dispatch()).isEmpty();
  }

  @Test
  void fencingCompletesBeforeTheResourcesOfTheLostNodeStartElsewhere() {
    TransitionEngine e = new TransitionEngine(graph()
        .fence(1, "n3")
        .pseudo(2, "vip_stop_0", 1)
        .rsc(3, "vip", "start", "n1", 2)
        .rsc(4, "other", "start", "n2").build(), 0);
    List<GraphAction> first = e.dispatch();
    assertThat(ids(first)).containsExactly(1, 4);
    e.record(ok(4));
    assertThat(e.dispatch()).isEmpty();
    assertThat(e.state(3)).isEqualTo(ActionState.WAITING);
    e.record(ok(1));
    assertThat(ids(e.dispatch())).containsExactly(3);
  }

  @Test
  void aFailedFencingNeverLetsDependentsStart() {
    TransitionEngine e = new TransitionEngine(graph()
        .fence(1, "n3")
        .rsc(2, "vip", "start", "n1", 1).build(), 0);
    e.dispatch();
    e.record(new Failed(1, 1, "no fencing device could fence n3"));
    assertThat(e.phase()).isEqualTo(TransitionPhase.ABORTED);
    assertThat(e.dispatch()).isEmpty();
    assertThat(e.state(2)).isEqualTo(ActionState.WAITING);
    assertThat(e.failures().get(0).describe()).isEqualTo("action 1 (stonith n3 on n3) failed: no fencing device could fence n3");
  }

  @Test
  void batchLimitCapsActionsInFlightAndPseudoActionsDoNotCount() {
    Graphs g = graph().pseudo(100, "start_all");
    for (int i = 1; i <= 5; i++) {
      g.rsc(i, "r" + i, "start", "n1", 100);
    }
    TransitionEngine e = new TransitionEngine(g.build(), 2);
    assertThat(ids(e.dispatch())).containsExactly(1, 2);
    assertThat(e.dispatch()).isEmpty();
    e.record(ok(2));
    assertThat(ids(e.dispatch())).containsExactly(3);
    assertThat(e.inFlight()).hasSize(2);
    e.record(ok(1));
    e.record(ok(3));
    assertThat(ids(e.dispatch())).containsExactly(4, 5);
  }

  @Test
  void probesExpectNotRunningAndFindingOneActiveAbortsToReschedule() {
    TransitionEngine e = new TransitionEngine(graph()
        .probe(1, "a", "n1")
        .probe(2, "b", "n1")
        .rsc(3, "a", "start", "n2", 1, 2).build(), 0);
    e.dispatch();
    assertThat(e.record(new Completed(1, 7))).isEqualTo(Recorded.CONFIRMED);
    assertThat(e.record(new Completed(2, 0))).isEqualTo(Recorded.FAILED);
    assertThat(e.phase()).isEqualTo(TransitionPhase.ABORTED);
    assertThat(e.failures().get(0).describe()).isEqualTo("action 2 (b_monitor_0 on n1): expected rc 7 but got 0");
  }

  @Test
  void aDegradedMonitorCountsAsRunning() {
    TransitionEngine e = new TransitionEngine(graph().monitor(1, "a", 10000, "n1").rsc(2, "a", "start", "n1").build(), 0);
    e.dispatch();
    assertThat(e.record(new Completed(1, 190))).isEqualTo(Recorded.CONFIRMED);
    assertThat(e.record(new Completed(2, 190))).as("only monitors are remapped").isEqualTo(Recorded.FAILED);
  }

  @Test
  void clusterActionsAreDispatchedToTheCallerLikeResourceActions() {
    TransitionEngine e = new TransitionEngine(graph()
        .rsc(1, "a", "stop", "n1")
        .cluster(2, "do_shutdown", "n1", 1).build(), 0);
    assertThat(ids(e.dispatch())).containsExactly(1);
    e.record(ok(1));
    assertThat(e.dispatch()).singleElement().satisfies(a -> assertThat(a.task()).isEqualTo("do_shutdown"));
  }

  @Test
  void repeatedAndUnknownResultsAreIgnored() {
    TransitionEngine e = new TransitionEngine(graph().rsc(1, "a", "start", "n1").rsc(2, "b", "start", "n1", 1).build(), 0);
    assertThat(e.record(ok(1))).as("not dispatched yet").isEqualTo(Recorded.IGNORED);
    e.dispatch();
    assertThat(e.record(ok(1))).isEqualTo(Recorded.CONFIRMED);
    assertThat(e.record(new Completed(1, 1))).isEqualTo(Recorded.IGNORED);
    assertThat(e.record(ok(99))).isEqualTo(Recorded.IGNORED);
    assertThat(e.phase()).isEqualTo(TransitionPhase.RUNNING);
    assertThat(ids(e.dispatch())).containsExactly(2);
  }

  @Test
  void anOutsideAbortDrainsTheActionsInFlight() {
    TransitionEngine e = new TransitionEngine(graph()
        .rsc(1, "a", "start", "n1")
        .rsc(2, "b", "start", "n2")
        .rsc(3, "c", "start", "n1", 1).build(), 0);
    e.dispatch();
    e.abort("CIB changed");
    e.abort("node n2 left");
    assertThat(e.phase()).isEqualTo(TransitionPhase.DRAINING);
    assertThat(ids(e.inFlightOn("n2"))).containsExactly(2);
    e.record(ok(1));
    assertThat(e.dispatch()).isEmpty();
    assertThat(e.state(3)).as("not released once aborted").isEqualTo(ActionState.WAITING);
    e.record(new Failed(2, 1, "node n2 left"));
    assertThat(e.phase()).isEqualTo(TransitionPhase.ABORTED);
    assertThat(e.abortReason()).contains("CIB changed");
  }

  @Test
  void anAbortAfterCompletionChangesNothing() {
    TransitionEngine e = new TransitionEngine(graph().rsc(1, "a", "start", "n1").build(), 0);
    e.dispatch();
    e.record(ok(1));
    e.abort("CIB changed");
    assertThat(e.phase()).isEqualTo(TransitionPhase.COMPLETE);
    assertThat(e.abortReason()).isEmpty();
  }

  @Test
  void badGraphsAreRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> new TransitionEngine(graph().rsc(1, "a", "start", "n1").rsc(1, "b", "start", "n1").build(), 0))
        .hasMessage("transition graph has two actions with id 1");
    assertThatThrownBy(() -> new TransitionEngine(graph().rsc(1, "a", "start", "n1", 7).build(), 0))
        .hasMessage("action 1 (a_start_0 on n1) waits for action 7, which is not in the transition graph");
    assertThatThrownBy(() -> new TransitionEngine(graph()
        .rsc(1, "a", "start", "n1", 3)
        .rsc(2, "b", "start", "n1", 1)
        .rsc(3, "c", "start", "n1", 2)
        .rsc(4, "d", "start", "n1").build(), 0))
        .hasMessage("transition graph has a cycle through actions [1, 2, 3]");
    assertThatThrownBy(() -> new TransitionEngine(graph().add(new GraphAction(1, GraphAction.Kind.RESOURCE, "a",
        "monitor", 0, "n1", List.of(), java.util.Map.of("target_rc", "seven"))).build(), 0).dispatch())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRepeatedPredecessorIsWaitedForOnce() {
    TransitionEngine e = new TransitionEngine(graph().rsc(1, "a", "start", "n1").rsc(2, "b", "start", "n1", 1, 1).build(), 0);
    e.dispatch();
    e.record(ok(1));
    assertThat(ids(e.dispatch())).containsExactly(2);
  }

  /**
   * Random acyclic graphs driven with results in random order: every action is dispatched
   * exactly once, only after its predecessors, never more than batch-limit at once, and the
   * transition completes.
   */
  @Test
  void randomGraphsRunEveryActionOnceInOrderWithinTheBatchLimit() {
    Random random = new Random(20261123L);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(40);
      Graphs g = graph();
      for (int id = 0; id < n; id++) {
        List<Integer> preds = new ArrayList<>();
        for (int p = 0; p < id; p++) {
          if (random.nextInt(6) == 0) {
            preds.add(p);
          }
        }
        Integer[] ps = preds.toArray(Integer[]::new);
        if (random.nextInt(4) == 0) {
          g.pseudo(id, "p" + id, ps);
        } else {
          g.rsc(id, "r" + id, "start", "n" + random.nextInt(3), ps);
        }
      }
      Transition t = g.build();
      int limit = random.nextInt(4);
      TransitionEngine e = new TransitionEngine(t, limit);
      Set<Integer> dispatched = new HashSet<>();
      Set<Integer> done = new HashSet<>();
      t.actions().stream().filter(a -> a.kind() == GraphAction.Kind.PSEUDO).forEach(a -> done.add(a.id()));
      List<GraphAction> inFlight = new ArrayList<>();
      while (e.phase() == TransitionPhase.RUNNING) {
        for (GraphAction a : e.dispatch()) {
          assertThat(dispatched.add(a.id())).as("action %d dispatched twice", a.id()).isTrue();
          assertThat(a.kind()).isNotEqualTo(GraphAction.Kind.PSEUDO);
          for (int p : a.predecessors()) {
            GraphAction pred = t.actions().stream().filter(x -> x.id() == p).findFirst().orElseThrow();
            assertThat(e.state(p)).isEqualTo(ActionState.CONFIRMED);
            if (pred.kind() != GraphAction.Kind.PSEUDO) {
              assertThat(done).contains(p);
            }
          }
          inFlight.add(a);
        }
        if (limit > 0) {
          assertThat(inFlight.size()).isLessThanOrEqualTo(limit);
        }
        assertThat(inFlight).as("round %d: running with nothing in flight", round).isNotEmpty();
        GraphAction finished = inFlight.remove(random.nextInt(inFlight.size()));
        done.add(finished.id());
        assertThat(e.record(ok(finished.id()))).isEqualTo(Recorded.CONFIRMED);
      }
      assertThat(e.phase()).isEqualTo(TransitionPhase.COMPLETE);
      assertThat(dispatched).hasSize((int) t.actions().stream().filter(a -> a.kind() != GraphAction.Kind.PSEUDO).count());
    }
  }
}
