package org.vigil.pe.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.AttributeExpression;
import org.vigil.cib.model.DateExpression;
import org.vigil.cib.model.Expression;
import org.vigil.cib.model.Extras;
import org.vigil.cib.model.Rule;

class RulesTest {
  private static final Instant NOW = Rules.parseDate("2019-09-20 15:10:52 +00:00").orElseThrow();

  private static AttributeExpression expr(String attr, String op, String value, String type) {
    return new AttributeExpression("e", attr, op, value, type, null, Extras.NONE);
  }

  private static Rule rule(String op, Expression... e) {
    return new Rule("r", null, "INFINITY", null, op, null, List.of(e), Extras.NONE);
  }

  private static RuleContext node(Map<String, String> attrs) {
    return new RuleContext(attrs, NOW, Map.of(), Map.of());
  }

  @Test
  void unameAndBooleanOperators() {
    RuleContext n1 = node(Map.of("#uname", "node1", "rack", "a"));
    assertThat(Rules.matches(rule("and", expr("#uname", "eq", "node1", null), expr("rack", "eq", "a", null)), n1))
        .isTrue();
    assertThat(Rules.matches(rule("and", expr("#uname", "eq", "node1", null), expr("rack", "eq", "b", null)), n1))
        .isFalse();
    assertThat(Rules.matches(rule("or", expr("#uname", "eq", "node2", null), expr("rack", "eq", "a", null)), n1))
        .isTrue();
    assertThat(Rules.matches(rule("and", expr("missing", "not_defined", null, null)), n1)).isTrue();
  }

  @Test
  void orderingComparisonsAreNumericByDefaultAndFallBackToStrings() {
    RuleContext n = node(Map.of("v", "10"));
    assertThat(Rules.matches(rule("and", expr("v", "gt", "9", null)), n)).isTrue();
    assertThat(Rules.matches(rule("and", expr("v", "gt", "9", "string")), n)).isFalse();
    // an integer-typed comparison truncates decimals; "as10" is no number: compared as strings
    assertThat(Rules.matches(rule("and", expr("v", "eq", "10.6", "integer")), n)).isTrue();
    assertThat(Rules.matches(rule("and", expr("v", "gt", "as10", "integer")), n)).isFalse();
    assertThat(Rules.matches(rule("and", expr("v", "lt", "10.5", "number")), n)).isTrue();
  }

  @Test
  void dateExpressionsAreEvaluatedAtTheInputTime() {
    DateExpression before = new DateExpression("d", "lt", null, "2019-09-20 15:10:52 +00:00", null, null, Extras.NONE);
    DateExpression after = new DateExpression("d", "gt", "2019-09-20 10:10:00 -05:00", null, null, null, Extras.NONE);
    DateExpression range = new DateExpression("d", "in_range", "2019-001", "2019-12-31", null, null, Extras.NONE);
    RuleContext ctx = RuleContext.at(NOW);
    assertThat(Rules.matches(rule("and", before), ctx)).as("lt is strict").isFalse();
    assertThat(Rules.matches(rule("and", after), ctx)).as("10:10 -05:00 is 15:10 UTC, not before now").isTrue();
    assertThat(Rules.matches(rule("and", range), ctx)).isTrue();
  }
}
