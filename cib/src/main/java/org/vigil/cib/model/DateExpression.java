package org.vigil.cib.model;

/**
 * {@code <date_expression operation="in_range|gt|lt|date_spec">} with its start/end, a
 * {@code date_spec} or a {@code duration}.
 */
public record DateExpression(
    String id, String operation, String start, String end, DateSpec dateSpec, DateSpec duration, Extras extras)
    implements Expression {}
