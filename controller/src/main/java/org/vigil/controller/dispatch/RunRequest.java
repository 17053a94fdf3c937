package org.vigil.controller.dispatch;

import org.vigil.controller.transition.TransitionKey;

/** The DC asking a node to run an operation for action {@code actionId} of the transition in {@code key}. */
public record RunRequest(int actionId, PlannedOperation op, TransitionKey key) {}
