package org.vigil.cib.model;

import java.util.List;

/**
 * A node's {@code <lrm>} block: the history of every resource that ran or was probed there
 * ({@code resourcesId} is the rarely set id of its {@code lrm_resources} element).
 */
public record Lrm(String id, String resourcesId, List<LrmResource> resources, Extras extras) {
  public Lrm {
    resources = List.copyOf(resources);
  }
}
