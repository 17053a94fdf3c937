package org.vigil.cib.model;

import java.util.List;
import org.vigil.cib.xml.XmlElement;

/**
 * A bundle: a container (docker, podman or rkt element, kept as written), its network and
 * storage, and an optional primitive run inside each replica.
 */
public record Bundle(
    String id,
    String description,
    XmlElement container,
    XmlElement network,
    XmlElement storage,
    Primitive primitive,
    List<NvSet> instanceAttributes,
    List<NvSet> metaAttributes,
    Extras extras)
    implements Resource {
  public Bundle {
    instanceAttributes = List.copyOf(instanceAttributes);
    metaAttributes = List.copyOf(metaAttributes);
  }
}
