package org.vigil.lrm;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OCF meta-data XML with StAX. DTDs are not processed (agents declare
 * {@code ra-api-1.dtd}, which is neither fetched nor needed) and entities other than XML's
 * five are refused, so an agent cannot make the executor read files or expand entity bombs.
 */
final class MetadataXml {
  private static final XMLInputFactory FACTORY = secureFactory();

  private MetadataXml() {}

  private static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** Parses {@code xml}; {@code source} names the agent in error messages. */
  static AgentMetadata parse(String xml, String source) throws MetadataException {
    if (xml.isBlank()) {
      throw new MetadataException("meta-data of " + source + " is empty");
    }
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(new StringReader(xml));
      while (r.next() != XMLStreamConstants.START_ELEMENT) {
        // prolog: declaration, DOCTYPE, comments
      }
      if (!r.getLocalName().equals("resource-agent")) {
        throw new MetadataException("meta-data of " + source + " has root element <" + r.getLocalName()
            + ">, not <resource-agent>");
      }
      return readAgent(r, source);
    } catch (XMLStreamException e) {
      var loc = e.getLocation();
      String where = loc == null ? "" : " (line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() + ")";
      throw new MetadataException("meta-data of " + source + " is not well-formed XML" + where + ": "
          + firstLine(e.getMessage()), e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing is held open for a string
        }
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String m = message.strip();
    int msgAt = m.indexOf("Message: ");
    if (msgAt >= 0) {
      m = m.substring(msgAt + "Message: ".length());
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static AgentMetadata readAgent(XMLStreamReader r, String source)
      throws XMLStreamException, MetadataException {
    String name = attr(r, "name", "");
    String version = attr(r, "version", "");
    String shortdesc = null;
    String longdesc = null;
    String versionElement = null;
    List<AgentParameter> params = new ArrayList<>();
    List<AgentAction> actions = new ArrayList<>();
    while (nextChild(r)) {
      switch (r.getLocalName()) {
        case "version" -> versionElement = text(r).strip();
        case "shortdesc" -> shortdesc = preferEnglish(r, shortdesc);
        case "longdesc" -> longdesc = preferEnglish(r, longdesc);
        case "parameters" -> {
          while (nextChild(r)) {
            if (r.getLocalName().equals("parameter")) {
              params.add(readParameter(r, source));
            } else {
              skip(r);
            }
          }
        }
        case "actions" -> {
          while (nextChild(r)) {
            if (r.getLocalName().equals("action")) {
              actions.add(readAction(r, source));
            } else {
              skip(r);
            }
          }
        }
        default -> skip(r);
      }
    }
    String v = versionElement != null ? versionElement : version;
    return new AgentMetadata(name, v, shortdesc == null ? "" : shortdesc.strip(), longdesc == null ? "" : longdesc,
        params, actions);
  }

  private static AgentParameter readParameter(XMLStreamReader r, String source)
      throws XMLStreamException, MetadataException {
    String name = attr(r, "name", null);
    if (name == null || name.isEmpty()) {
      throw new MetadataException("meta-data of " + source + ": a <parameter> has no name (line "
          + r.getLocation().getLineNumber() + ")");
    }
    boolean required = flag(attr(r, "required", null));
    boolean unique = flag(attr(r, "unique", null));
    boolean reloadable = flag(attr(r, "reloadable", null));
    boolean deprecated = flag(attr(r, "deprecated", null));
    String type = "string";
    String dflt = null;
    String shortdesc = null;
    String longdesc = null;
    while (nextChild(r)) {
      switch (r.getLocalName()) {
        case "content" -> {
          type = attr(r, "type", "string");
          dflt = attr(r, "default", null);
          skip(r);
        }
        case "shortdesc" -> shortdesc = preferEnglish(r, shortdesc);
        case "longdesc" -> longdesc = preferEnglish(r, longdesc);
        case "deprecated" -> {
          deprecated = true;
          skip(r);
        }
        default -> skip(r);
      }
    }
    return new AgentParameter(name, type, dflt, required, unique, reloadable, deprecated,
        shortdesc == null ? "" : shortdesc.strip(), longdesc == null ? "" : longdesc);
  }

  private static AgentAction readAction(XMLStreamReader r, String source)
      throws XMLStreamException, MetadataException {
    String name = null;
    Map<String, String> attrs = new LinkedHashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String n = r.getAttributeLocalName(i);
      if (n.equals("name")) {
        name = r.getAttributeValue(i);
      } else {
        attrs.put(n, r.getAttributeValue(i));
      }
    }
    if (name == null || name.isEmpty()) {
      throw new MetadataException("meta-data of " + source + ": an <action> has no name (line "
          + r.getLocation().getLineNumber() + ")");
    }
    skip(r);
    return new AgentAction(name, attrs);
  }

  /** The English text of a description: a later element replaces an earlier one only if it is English. */
  private static String preferEnglish(XMLStreamReader r, String earlier) throws XMLStreamException {
    String lang = attr(r, "lang", "en");
    String t = text(r);
    return earlier == null || lang.equals("en") ? t : earlier;
  }

  private static boolean flag(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
  }

  private static String attr(XMLStreamReader r, String name, String dflt) {
    String v = r.getAttributeValue(null, name);
    return v == null ? dflt : v;
  }

  /** Moves to the next child element of the current one; false at the current element's end. */
  private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (ev == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
    return false;
  }

  /** The text inside the current element (nested markup dropped), leaving the reader at its end. */
  private static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            sb.append(r.getText());
        default -> { }
      }
    }
    return sb.toString();
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
