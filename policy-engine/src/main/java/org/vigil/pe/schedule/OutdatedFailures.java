package org.vigil.pe.schedule;

import java.util.IdentityHashMap;
import java.util.Map;
import org.vigil.pe.rules.RuleContext;
import org.vigil.pe.status.ClusterStatus;
import org.vigil.pe.status.NodeHistory;
import org.vigil.pe.status.ResourceState;

/**
 * Fail counts earned under parameters the resource no longer has. When a recorded failure's
 * parameter digest differs from the current definition's, Pacemaker clears that fail count
 * and places the resource as if it were zero.
 */
final class OutdatedFailures {
  private final Model m;
  private final InheritedParams inherited;
  private final long defaultTimeoutMs;
  /** The answers so far, by state and node (an anonymous clone's instances all ask about each other's). */
  private final Map<ResourceState, Boolean[]> known = new IdentityHashMap<>();

  OutdatedFailures(Model m) {
    this.m = m;
    this.inherited = new InheritedParams(m.state.cib().configuration());
    Map<String, String> opDefaults = ClusterStatus.firstWins(m.state.cib().configuration().opDefaults(),
        m.state.now());
    this.defaultTimeoutMs = DefinitionChange.defaultTimeoutMs(opDefaults);
  }

  /** Whether {@code st}'s fail count on the node at {@code idx} no longer counts. */
  boolean on(ResourceState st, int idx) {
    Boolean[] byNode = known.computeIfAbsent(st, k -> new Boolean[m.nodeCount()]);
    if (byNode[idx] == null) {
      byNode[idx] = decide(st, idx);
    }
    return byNode[idx];
  }

  private boolean decide(ResourceState st, int idx) {
    String node = m.nodes.get(idx).name();
    NodeHistory h = st.history(node);
    if (h == null || st.primitive() == null) {
      return false;
    }
    RuleContext ctx = new RuleContext(m.nodes.get(idx).attributes(), m.state.now(), Map.of(), Map.of());
    return DefinitionChange.failureOutdated(m.digests, st.primitive(), inherited.of(st), h, ctx, defaultTimeoutMs);
  }
}
