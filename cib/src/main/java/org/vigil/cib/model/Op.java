package org.vigil.cib.model;

import java.util.List;

/**
 * An operation definition {@code <op name interval role timeout ...>}; other attributes
 * (on-fail, start-delay, enabled, requires, record-pending...) are in {@link #attr}.
 */
public record Op(
    String id,
    String name,
    String interval,
    String role,
    String timeout,
    List<NvSet> instanceAttributes,
    List<NvSet> metaAttributes,
    Extras extras) {
  public Op {
    instanceAttributes = List.copyOf(instanceAttributes);
    metaAttributes = List.copyOf(metaAttributes);
  }

  public String attr(String name) {
    return extras.attr(name);
  }
}
