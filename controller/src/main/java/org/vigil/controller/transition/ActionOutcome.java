package org.vigil.controller.transition;

/** What became of one dispatched action of a transition, as reported back to the engine. */
public sealed interface ActionOutcome {
  int actionId();

  /**
   * The action ran to its end and answered {@code rc} (an agent's OCF code; 0 for fencing and
   * cluster actions that succeeded). Whether that is what the graph expected is the engine's
   * decision, see {@link ExpectedResult}.
   */
  record Completed(int actionId, int rc) implements ActionOutcome {}

  /**
   * The action could not be carried out: the agent was not installed or could not be run,
   * fencing failed, the node it was sent to left. {@code rc} is the agent's answer if there was
   * one, else 1 (generic error).
   */
  record Failed(int actionId, int rc, String reason) implements ActionOutcome {}

  /** The action did not finish within its timeout. */
  record TimedOut(int actionId) implements ActionOutcome {}

  static ActionOutcome succeeded(int actionId) {
    return new Completed(actionId, 0);
  }
}
