package org.vigil.pe.render;

import java.util.List;
import org.vigil.cib.model.Role;

/**
 * One primitive (or one instance of a cloned primitive, id {@code rsc:N}) as the status shows
 * it.
 *
 * @param id the resource's id; clone instances carry their {@code :N} suffix
 * @param agent {@code class:provider:type} or {@code class:type}
 * @param role its current role ({@link Role#STARTED} for a running non-promotable resource)
 * @param nodes where it is active (several when multiply active), empty when stopped
 * @param failed a failure makes its state unknown or bad
 * @param orphaned it has history but is no longer configured
 * @param managed the cluster may start and stop it
 * @param blocked an {@code on-fail=block} failure froze it
 * @param disabled its effective target-role is Stopped
 * @param failureIgnored a failure was ignored ({@code on-fail=ignore})
 * @param pendingTask the operation in flight ({@code start}, {@code stop}, {@code monitor}...),
 *     or null
 * @param lockedTo the node a shutdown lock keeps it on, or null
 * @param failedProbe what a failed probe said (e.g. {@code not installed}), shown when stopped,
 *     or null
 */
public record PrimitiveView(
    String id,
    String agent,
    Role role,
    List<String> nodes,
    boolean failed,
    boolean orphaned,
    boolean managed,
    boolean blocked,
    boolean disabled,
    boolean failureIgnored,
    String pendingTask,
    String lockedTo,
    String failedProbe)
    implements ResourceView {
  public PrimitiveView {
    nodes = List.copyOf(nodes);
  }

  /** A managed, healthy primitive. */
  public static PrimitiveView of(String id, String agent, Role role, List<String> nodes) {
    return new PrimitiveView(id, agent, role, nodes, false, false, true, false, false, false, null, null, null);
  }

  public boolean active() {
    return !nodes.isEmpty();
  }

  @Override
  public List<PrimitiveView> primitives() {
    return List.of(this);
  }
}
