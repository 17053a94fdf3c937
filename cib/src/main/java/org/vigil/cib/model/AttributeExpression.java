package org.vigil.cib.model;

/**
 * {@code <expression attribute= operation= value= type= value-source=>}: compares a node
 * attribute (or a built-in such as {@code #uname}) with a value.
 */
public record AttributeExpression(
    String id,
    String attribute,
    String operation,
    String value,
    String type,
    String valueSource,
    Extras extras)
    implements Expression {}
