package org.vigil.pe.status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cib.model.Cib;

/**
 * The cluster as the status section describes it at {@code now}.
 *
 * @param cib the input
 * @param now the input time
 * @param options cluster properties
 * @param haveQuorum the partition has quorum
 * @param dcNode the DC's name, or null
 * @param nodes every node, in configuration order (remote and guest nodes after members)
 * @param resources every configured primitive instance in configuration order, then orphans
 */
public record ClusterState(
    Cib cib,
    Instant now,
    ClusterOptions options,
    boolean haveQuorum,
    String dcNode,
    List<NodeStatus> nodes,
    List<ResourceState> resources) {

  public ClusterState {
    nodes = List.copyOf(nodes);
    resources = List.copyOf(resources);
  }

  /** Nodes by name. */
  public Map<String, NodeStatus> nodesByName() {
    Map<String, NodeStatus> m = new LinkedHashMap<>();
    nodes.forEach(n -> m.put(n.name(), n));
    return m;
  }

  /** Resource instances by instance id. */
  public Map<String, ResourceState> resourcesById() {
    Map<String, ResourceState> m = new LinkedHashMap<>();
    resources.forEach(r -> m.put(r.id(), r));
    return m;
  }

  public NodeStatus node(String name) {
    for (NodeStatus n : nodes) {
      if (n.name().equals(name)) {
        return n;
      }
    }
    return null;
  }
}
