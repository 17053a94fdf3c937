package org.vigil.cib.model;

import java.util.List;

/** A {@code <recipient>} of an alert. */
public record AlertRecipient(
    String id, String value, String description, List<NvSet> instanceAttributes, List<NvSet> metaAttributes, Extras extras) {
  public AlertRecipient {
    instanceAttributes = List.copyOf(instanceAttributes);
    metaAttributes = List.copyOf(metaAttributes);
  }
}
