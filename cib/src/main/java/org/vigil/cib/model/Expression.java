package org.vigil.cib.model;

/** A node of a rule's expression tree. */
public sealed interface Expression
    permits Rule, AttributeExpression, DateExpression, OpExpression, RscExpression {
  String id();
}
