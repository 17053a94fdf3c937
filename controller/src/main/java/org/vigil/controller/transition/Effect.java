package org.vigil.controller.transition;

import java.util.List;
import org.vigil.pe.GraphAction;

/** What the {@link TransitionDriver} asks its caller to carry out. */
public sealed interface Effect {
  /** Send an action to be carried out ({@link ActionDispatcher}); report back its result with {@code key}. */
  record Dispatch(GraphAction action, TransitionKey key) implements Effect {}

  /**
   * Call {@link TransitionDriver#resume} after {@code delay}: transitions kept aborting, so the
   * next one waits a little (a scheduler that keeps asking for what cannot be done must not
   * spin the machine).
   */
  record ResumeAfter(java.time.Duration delay) implements Effect {}

  /** Apply these changes to the replicated CIB's status section, in order. */
  record WriteStatus(List<StatusChange> changes) implements Effect {
    public WriteStatus {
      changes = List.copyOf(changes);
    }
  }
}
