package org.vigil.cib.model;

/** {@code <rsc_expression class= provider= type=>}, used in rsc/op defaults rules. */
public record RscExpression(String id, String resourceClass, String provider, String type, Extras extras)
    implements Expression {}
