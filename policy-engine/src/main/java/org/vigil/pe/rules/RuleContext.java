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
 * @param agent the resource's agent, for {@code rsc_expression} in rsc_defaults; null when none
 */
public record RuleContext(Map<String, String> nodeAttributes, Instant now, Map<String, String> params,
    Map<String, String> meta, Agent agent) {
  /** A resource agent: class, provider (may be null) and type. */
  public record Agent(String resourceClass, String provider, String type) {}

  public RuleContext(Map<String, String> nodeAttributes, Instant now, Map<String, String> params,
      Map<String, String> meta) {
    this(nodeAttributes, now, params, meta, null);
  }

  public static RuleContext at(Instant now) {
    return new RuleContext(Map.of(), now, Map.of(), Map.of(), null);
  }

  public static RuleContext forAgent(Instant now, Agent agent) {
    return new RuleContext(Map.of(), now, Map.of(), Map.of(), agent);
  }
}
