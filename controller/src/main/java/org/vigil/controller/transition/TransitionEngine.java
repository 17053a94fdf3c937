package org.vigil.controller.transition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.vigil.pe.GraphAction;
import org.vigil.pe.Transition;

/**
 * Runs one transition graph as a state machine that the caller drives: {@link #dispatch()} hands
 * out the actions that may start now, {@link #record} takes their outcomes. An action is ready
 * when all its predecessors are confirmed; pseudo-actions are confirmed as soon as they are
 * ready; at most {@code batchLimit} actions are in flight at once. A result other than the
 * expected one aborts the transition: nothing new is dispatched, the actions in flight are
 * awaited, then the phase is {@link TransitionPhase#ABORTED} and the scheduler must run again.
 *
 * <p>Not thread-safe: one event loop owns it. No clock either: timeouts are the executor's,
 * reported as {@link ActionOutcome.TimedOut}.
 */
public final class TransitionEngine {
  private final Transition transition;
  private final int batchLimit;
  private final Map<Integer, GraphAction> actions = new HashMap<>();
  private final Map<Integer, Integer> position = new HashMap<>();
  private final Map<Integer, List<Integer>> successors = new HashMap<>();
  private final Map<Integer, Integer> unconfirmedPredecessors = new HashMap<>();
  private final Map<Integer, ActionState> states = new HashMap<>();
  /** Ready actions in graph order, so that dispatch is deterministic. */
  private final TreeSet<Integer> ready;
  private final List<FailedAction> failures = new ArrayList<>();
  private int inFlight;
  private int confirmed;
  private String abortReason;

  /**
   * @param batchLimit the most actions in flight at once; 0 or less means no limit
   * @throws IllegalArgumentException when ids repeat, a predecessor is missing, the graph has a
   *     cycle or a {@code target_rc} is not a number
   */
  public TransitionEngine(Transition transition, int batchLimit) {
    this.transition = transition;
    this.batchLimit = batchLimit;
    for (GraphAction a : transition.actions()) {
      if (actions.putIfAbsent(a.id(), a) != null) {
        throw new IllegalArgumentException("transition graph has two actions with id " + a.id());
      }
      position.put(a.id(), position.size());
      successors.put(a.id(), new ArrayList<>());
      states.put(a.id(), ActionState.WAITING);
    }
    this.ready = new TreeSet<>((x, y) -> Integer.compare(position.get(x), position.get(y)));
    for (GraphAction a : transition.actions()) {
      for (int p : a.predecessors().stream().distinct().toList()) {
        if (!actions.containsKey(p)) {
          throw new IllegalArgumentException("action " + a.id() + " (" + FailedAction.label(a)
              + ") waits for action " + p + ", which is not in the transition graph");
        }
        successors.get(p).add(a.id());
      }
      unconfirmedPredecessors.put(a.id(), (int) a.predecessors().stream().distinct().count());
    }
    requireAcyclic();
    transition.actions().forEach(ExpectedResult::targetRc);
    List<Integer> roots = transition.actions().stream().map(GraphAction::id)
        .filter(id -> unconfirmedPredecessors.get(id) == 0).toList();
    for (int id : roots) {
      if (!release(id)) {
        confirm(id);
      }
    }
  }

  public Transition transition() {
    return transition;
  }

  /**
   * The actions to send now, each marked in flight: ready actions in graph order, as many as
   * the batch-limit leaves room for. Empty when aborted or when nothing is ready.
   */
  public List<GraphAction> dispatch() {
    List<GraphAction> out = new ArrayList<>();
    while (abortReason == null && !ready.isEmpty() && (batchLimit <= 0 || inFlight < batchLimit)) {
      int id = ready.pollFirst();
      states.put(id, ActionState.IN_FLIGHT);
      inFlight++;
      out.add(actions.get(id));
    }
    return out;
  }

  /** How the engine took an outcome. */
  public enum Recorded {
    /** The action is confirmed; its successors may have become ready. */
    CONFIRMED,
    /** The action failed and the transition is aborted. */
    FAILED,
    /** Not an action in flight (unknown id, or a repeated result): nothing changed. */
    IGNORED
  }

  /** Takes the outcome of an action in flight. */
  public Recorded record(ActionOutcome outcome) {
    if (states.get(outcome.actionId()) != ActionState.IN_FLIGHT) {
      return Recorded.IGNORED;
    }
    GraphAction a = actions.get(outcome.actionId());
    inFlight--;
    if (outcome instanceof ActionOutcome.Completed c && ExpectedResult.isExpected(a, c.rc())) {
      confirm(a.id());
      return Recorded.CONFIRMED;
    }
    states.put(a.id(), ActionState.FAILED);
    FailedAction failed = new FailedAction(a, outcome);
    failures.add(failed);
    abort(failed.describe());
    return Recorded.FAILED;
  }

  /**
   * Stops dispatching (the CIB changed, a node left, a result failed): the first reason is
   * kept; actions in flight are still awaited.
   */
  public void abort(String reason) {
    if (abortReason == null && phase() != TransitionPhase.COMPLETE) {
      abortReason = reason;
    }
  }

  public TransitionPhase phase() {
    if (abortReason != null) {
      return inFlight > 0 ? TransitionPhase.DRAINING : TransitionPhase.ABORTED;
    }
    return confirmed == actions.size() ? TransitionPhase.COMPLETE : TransitionPhase.RUNNING;
  }

  public Optional<String> abortReason() {
    return Optional.ofNullable(abortReason);
  }

  /** The actions whose outcome aborted the transition, in the order they were reported. */
  public List<FailedAction> failures() {
    return List.copyOf(failures);
  }

  public ActionState state(int actionId) {
    ActionState s = states.get(actionId);
    if (s == null) {
      throw new IllegalArgumentException("no action " + actionId + " in the transition graph");
    }
    return s;
  }

  /** The actions sent and not yet answered, in graph order. */
  public List<GraphAction> inFlight() {
    return transition.actions().stream().filter(a -> states.get(a.id()) == ActionState.IN_FLIGHT).toList();
  }

  /** The actions in flight on one node (those to give up on when the node leaves). */
  public List<GraphAction> inFlightOn(String node) {
    return inFlight().stream().filter(a -> node.equals(a.node())).toList();
  }

  public int confirmedCount() {
    return confirmed;
  }

  /**
   * Confirms an action and, unless aborted, releases the successors it was the last to wait
   * for; pseudo-actions among them are confirmed in turn (a worklist, not recursion, as pseudo
   * chains can be long).
   */
  private void confirm(int first) {
    List<Integer> work = new ArrayList<>(List.of(first));
    while (!work.isEmpty()) {
      int id = work.remove(work.size() - 1);
      states.put(id, ActionState.CONFIRMED);
      confirmed++;
      if (abortReason != null) {
        continue;
      }
      for (int s : successors.get(id)) {
        if (unconfirmedPredecessors.merge(s, -1, Integer::sum) == 0) {
          if (!release(s)) {
            work.add(s);
          }
        }
      }
    }
  }

  /** Releases an action with no predecessors left; returns false for a pseudo-action to confirm. */
  private boolean release(int id) {
    if (actions.get(id).kind() == GraphAction.Kind.PSEUDO) {
      return false;
    }
    states.put(id, ActionState.READY);
    ready.add(id);
    return true;
  }

  private void requireAcyclic() {
    Map<Integer, Integer> indegree = new HashMap<>(unconfirmedPredecessors);
    List<Integer> queue = new ArrayList<>();
    indegree.forEach((id, n) -> {
      if (n == 0) {
        queue.add(id);
      }
    });
    int seen = 0;
    while (seen < queue.size()) {
      int id = queue.get(seen++);
      for (int s : successors.get(id)) {
        if (indegree.merge(s, -1, Integer::sum) == 0) {
          queue.add(s);
        }
      }
    }
    if (seen < actions.size()) {
      List<Integer> stuck = indegree.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted()
          .toList();
      throw new IllegalArgumentException("transition graph has a cycle through actions " + stuck);
    }
  }
}
