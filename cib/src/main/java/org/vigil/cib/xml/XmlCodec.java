package org.vigil.cib.xml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one place where XML text becomes {@link XmlElement}s and back.
 *
 * <p>Parsing keeps the document order of interleaved children (group member order matters)
 * and refuses DOCTYPE declarations outright, which rules out entity expansion bombs and
 * external entities ({@link XmlParser}).
 */
public final class XmlCodec {
  private XmlCodec() {}

  public static XmlElement parse(String xml, String source) throws XmlParseException {
    byte[] utf8 = xml.getBytes(StandardCharsets.UTF_8);
    return XmlParser.parse(utf8, utf8.length, source, false);
  }

  /** Parses one document; {@code source} names it in errors (a file name, "stdin"...). */
  public static XmlElement parse(Reader in, String source) throws XmlParseException {
    return parse(readAll(in, source), source);
  }

  /** Everything {@code in} has; a failure to read is a parse error of {@code source}. */
  static String readAll(Reader in, String source) throws XmlParseException {
    StringBuilder text = new StringBuilder();
    char[] buf = new char[1 << 16];
    try {
      int read;
      while ((read = in.read(buf)) >= 0) {
        text.append(buf, 0, read);
      }
    } catch (IOException e) {
      throw new XmlParseException(source, 0, 0, "cannot read: " + e.getMessage());
    }
    return text.toString();
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
