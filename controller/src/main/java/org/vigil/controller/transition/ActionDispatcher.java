package org.vigil.controller.transition;

import java.util.function.Consumer;
import org.vigil.pe.GraphAction;

/**
 * Carries out the actions of a transition: {@code RESOURCE} actions on a node's executor,
 * {@code FENCE} actions through a fencing device, {@code CLUSTER} actions
 * ({@code clear_failcount}, {@code lrm_delete}, {@code do_shutdown}) in the controller.
 * Pseudo-actions never get here: the engine completes them. The live DC and tests plug in
 * different implementations; the engine and the {@link TransitionDriver} are the same.
 */
public interface ActionDispatcher {
  /**
   * Starts {@code action} and returns at once; {@code done} gets its result exactly once, on
   * any thread (the caller hands it back to its event loop). {@code key} goes with the
   * operation so that its results, recurring ones included, can be traced to the action.
   */
  void dispatch(GraphAction action, TransitionKey key, Consumer<ActionResult> done);
}
