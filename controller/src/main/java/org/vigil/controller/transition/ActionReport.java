package org.vigil.controller.transition;

/**
 * A result on its way back to the DC: which action of which transition it answers, and what
 * came of it. Recurring operations send one when they start and one at every change.
 */
public record ActionReport(TransitionKey key, ActionResult result) {}
