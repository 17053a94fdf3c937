package org.vigil.cib.model;

import java.util.List;

/**
 * A clone of a primitive or group; promotable when its meta says {@code promotable=true} or
 * when it was written as the legacy {@code <master>} element.
 */
public record Clone(
    String id,
    boolean legacyMaster,
    String description,
    Resource child,
    List<NvSet> instanceAttributes,
    List<NvSet> metaAttributes,
    Extras extras)
    implements Resource {
  public Clone {
    instanceAttributes = List.copyOf(instanceAttributes);
    metaAttributes = List.copyOf(metaAttributes);
  }
}
