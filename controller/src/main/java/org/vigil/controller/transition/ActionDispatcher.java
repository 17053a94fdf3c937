package org.vigil.controller.transition;

import org.vigil.pe.GraphAction;

/**
 * Carries out the actions of a transition: {@code RESOURCE} actions on a node's executor,
 * {@code FENCE} actions through a fencing device, {@code CLUSTER} actions
 * ({@code clear_failcount}, {@code lrm_delete}) in the controller. Pseudo-actions never get
 * here: the engine completes them. The live DC and tests plug in different implementations;
 * the engine and the {@link TransitionDriver} are the same.
 *
 * <p>Results come back as {@link ActionReport}s through the sink the implementation was made
 * with (on any thread: the sink hands them to the DC's event loop), one per action and, for
 * recurring operations, one more at every change.
 */
public interface ActionDispatcher {
  /** Starts {@code action} and returns at once; {@code key} goes with every report about it. */
  void dispatch(GraphAction action, TransitionKey key);
}
