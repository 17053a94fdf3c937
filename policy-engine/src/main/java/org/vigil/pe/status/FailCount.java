package org.vigil.pe.status;

/**
 * A resource's failures on one node from the {@code fail-count-RSC#op_interval} and
 * {@code last-failure-RSC#op_interval} transient attributes.
 *
 * @param node the node
 * @param count the summed fail count (INFINITY capped), 0 when expired
 * @param lastFailure the latest last-failure (epoch seconds), 0 if none
 * @param expired the failure-timeout has passed since the last failure: the count no longer
 *     counts and the scheduler clears it
 */
public record FailCount(String node, int count, long lastFailure, boolean expired) {}
