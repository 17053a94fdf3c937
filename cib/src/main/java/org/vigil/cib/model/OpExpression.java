package org.vigil.cib.model;

/** {@code <op_expression name= interval=>}, used in op_defaults rules. */
public record OpExpression(String id, String name, String interval, Extras extras) implements Expression {}
