package org.vigil.cib.xml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place where XML text becomes {@link XmlElement}s and back.
 *
 * <p>StAX keeps the document order of interleaved children (Jackson's XML binding does not,
 * and group member order matters). DOCTYPE declarations are refused outright, which rules
 * out entity expansion bombs and external entities.
 */
public final class XmlCodec {
  private static final XMLInputFactory FACTORY = newFactory();

  private XmlCodec() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    return f;
  }

  public static XmlElement parse(String xml, String source) throws XmlParseException {
    return parse(new StringReader(xml), source);
  }

  /** Parses one document; {@code source} names it in errors (a file name, "stdin"...). */
  public static XmlElement parse(Reader in, String source) throws XmlParseException {
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(in);
      Deque<Frame> stack = new ArrayDeque<>();
      XmlElement root = null;
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.DTD ->
              throw error(source, r.getLocation(), "DOCTYPE declarations are not allowed in a CIB");
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw error(source, r.getLocation(), "entity reference &" + r.getLocalName() + "; is not allowed");
          case XMLStreamConstants.START_ELEMENT -> {
            if (root != null) {
              throw error(source, r.getLocation(), "content after the document element");
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < r.getAttributeCount(); i++) {
              String name = qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i));
              if (attrs.put(name, r.getAttributeValue(i)) != null) {
                throw error(source, r.getLocation(), "duplicate attribute " + name);
              }
            }
            stack.push(new Frame(qualified(r.getPrefix(), r.getLocalName()), attrs, r.getLocation().getLineNumber()));
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
            if (!stack.isEmpty()) {
              stack.peek().text.append(r.getText());
            } else if (!r.isWhiteSpace()) {
              throw error(source, r.getLocation(), "text outside the document element");
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            Frame f = stack.pop();
            XmlElement e = new XmlElement(f.name, f.attrs, f.children, f.text.toString().trim(), f.line);
            if (stack.isEmpty()) {
              root = e;
            } else {
              stack.peek().children.add(e);
            }
          }
          default -> {
            // comments and processing instructions carry no meaning in a CIB
          }
        }
      }
      if (root == null) {
        throw new XmlParseException(source, 0, 0, "no document element (empty input?)");
      }
      return root;
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
      String msg = e.getMessage();
      int idx = msg == null ? -1 : msg.indexOf("Message: ");
      String cleaned = idx >= 0 ? msg.substring(idx + "Message: ".length()) : String.valueOf(msg);
      throw new XmlParseException(source, loc == null ? 0 : loc.getLineNumber(), loc == null ? 0 : loc.getColumnNumber(), cleaned.strip());
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release: the reader is over a Reader the caller owns
        }
      }
    }
  }

  private static String qualified(String prefix, String local) {
    return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
  }

  private static XmlParseException error(String source, Location loc, String message) {
    return new XmlParseException(source, loc.getLineNumber(), loc.getColumnNumber(), message);
  }

  private static final class Frame {
    final String name;
    final Map<String, String> attrs;
    final int line;
    final List<XmlElement> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    Frame(String name, Map<String, String> attrs, int line) {
      this.name = name;
      this.attrs = attrs;
      this.line = line;
    }
  }

  /** The element as an indented document (two spaces a level), ending with a newline. */
  public static String write(XmlElement root) {
    StringWriter out = new StringWriter();
    write(root, out);
    return out.toString();
  }

  public static void write(XmlElement root, Writer out) {
    try {
      writeElement(root, out, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeElement(XmlElement e, Writer out, int depth) throws IOException {
    for (int i = 0; i < depth; i++) {
      out.write("  ");
    }
    out.write('<');
    out.write(e.name());
    for (Map.Entry<String, String> a : e.attributes().entrySet()) {
      out.write(' ');
      out.write(a.getKey());
      out.write("=\"");
      escape(a.getValue(), out, true);
      out.write('"');
    }
    if (e.children().isEmpty() && e.text().isEmpty()) {
      out.write("/>\n");
      return;
    }
    out.write('>');
    if (e.children().isEmpty()) {
      escape(e.text(), out, false);
    } else {
      out.write('\n');
      if (!e.text().isEmpty()) {
        escape(e.text(), out, false);
        out.write('\n');
      }
      for (XmlElement c : e.children()) {
        writeElement(c, out, depth + 1);
      }
      for (int i = 0; i < depth; i++) {
        out.write("  ");
      }
    }
    out.write("</");
    out.write(e.name());
    out.write(">\n");
  }

  private static void escape(String s, Writer out, boolean attribute) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.write("&lt;");
        case '>' -> out.write("&gt;");
        case '&' -> out.write("&amp;");
        case '"' -> out.write(attribute ? "&quot;" : "\"");
        case '\n' -> out.write(attribute ? "&#10;" : "\n");
        case '\r' -> out.write("&#13;");
        case '\t' -> out.write(attribute ? "&#9;" : "\t");
        default -> out.write(c);
      }
    }
  }
}
