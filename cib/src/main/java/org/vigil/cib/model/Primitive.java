package org.vigil.cib.model;

import java.util.List;

/**
 * A primitive resource: one agent ({@code class:provider:type}), or a reference to a
 * {@code template} that supplies it.
 */
public record Primitive(
    String id,
    String resourceClass,
    String provider,
    String type,
    String template,
    String description,
    List<NvSet> instanceAttributes,
    List<NvSet> metaAttributes,
    List<NvSet> utilization,
    Operations operations,
    Extras extras)
    implements Resource {
  public Primitive {
    instanceAttributes = List.copyOf(instanceAttributes);
    metaAttributes = List.copyOf(metaAttributes);
    utilization = List.copyOf(utilization);
  }

  /** The agent as Pacemaker prints it: {@code ocf:heartbeat:IPaddr2}, {@code stonith:fence_xvm}. */
  public String agentName() {
    return provider == null ? resourceClass + ":" + type : resourceClass + ":" + provider + ":" + type;
  }

  public List<Op> ops() {
    return operations == null ? List.of() : operations.ops();
  }
}
