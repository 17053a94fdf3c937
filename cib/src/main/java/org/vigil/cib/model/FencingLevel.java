package org.vigil.cib.model;

/** One {@code fencing-level} of the fencing topology. */
public record FencingLevel(
    String id,
    String target,
    String targetPattern,
    String targetAttribute,
    String targetValue,
    String index,
    String devices,
    Extras extras) {}
