package org.vigil.cib.model;

import java.util.List;

/**
 * A {@code <rule>}: expressions combined by {@code boolean-op}, with a score (or a
 * score-attribute) for location constraints, and an optional role.
 */
public record Rule(
    String id,
    String idRef,
    String score,
    String scoreAttribute,
    String booleanOp,
    String role,
    List<Expression> expressions,
    Extras extras)
    implements Expression {
  public Rule {
    expressions = List.copyOf(expressions);
  }

  /** The combination, AND when not given; null when the attribute holds something else. */
  public BooleanOp combination() {
    return BooleanOp.parse(booleanOp);
  }
}
