package org.vigil.cib.model;

import java.util.List;

/** An {@code <alert>}: an agent run on cluster events, with its recipients. */
public record Alert(
    String id,
    String path,
    String description,
    List<NvSet> instanceAttributes,
    List<NvSet> metaAttributes,
    List<AlertRecipient> recipients,
    Extras extras) {
  public Alert {
    instanceAttributes = List.copyOf(instanceAttributes);
    metaAttributes = List.copyOf(metaAttributes);
    recipients = List.copyOf(recipients);
  }
}
