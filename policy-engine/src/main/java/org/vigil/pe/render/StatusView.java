package org.vigil.pe.render;

import java.util.List;

/**
 * Everything the status sections print: nodes (any order: the renderer sorts), resources in
 * configuration order, and whether maintenance mode is on.
 */
public record StatusView(List<NodeView> nodes, List<ResourceView> resources, boolean maintenanceMode) {
  public StatusView {
    nodes = List.copyOf(nodes);
    resources = List.copyOf(resources);
  }
}
