package org.vigil.pe.rules;

import java.time.Instant;
import java.util.Map;

/**
 * What a rule is evaluated against.
 *
 * @param nodeAttributes the node's attributes (with {@code #uname}, {@code #id}...), empty when
 *     no node is involved
 * @param now the input time
 * @param params the resource's instance attributes, for {@code value-source="param"}
 * @param meta the resource's meta attributes, for {@code value-source="meta"}
 */
public record RuleContext(Map<String, String> nodeAttributes, Instant now, Map<String, String> params,
    Map<String, String> meta) {
  public static RuleContext at(Instant now) {
    return new RuleContext(Map.of(), now, Map.of(), Map.of());
  }
}
