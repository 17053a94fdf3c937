package org.vigil.crmsh.configure;

import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Status;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlCodec;
import org.vigil.cib.xml.XmlElement;

/** CIB text as crm prints it. */
final class Cibs {
  private Cibs() {}

  /** {@code show xml}: the CIB without its status section, as crmsh prints it. */
  static String configurationXml(Cib cib) {
    XmlElement root = CibXml.toElement(cib.withStatus(Status.EMPTY));
    XmlElement withoutStatus = root.withoutChildren(c -> c.name().equals("status"));
    return "<?xml version=\"1.0\" ?>\n" + XmlCodec.write(withoutStatus);
  }
}
