package org.vigil.pe.render;

import java.util.List;

/**
 * Everything the status sections print: nodes (any order: the renderer sorts), resources in
 * configuration order, whether maintenance mode is on, and how many resources the status counts
 * without listing them (guest nodes' implicit connections).
 */
public record StatusView(List<NodeView> nodes, List<ResourceView> resources, boolean maintenanceMode,
    int unlistedInstances) {
  public StatusView {
    nodes = List.copyOf(nodes);
    resources = List.copyOf(resources);
  }

  public StatusView(List<NodeView> nodes, List<ResourceView> resources, boolean maintenanceMode) {
    this(nodes, resources, maintenanceMode, 0);
  }
}
