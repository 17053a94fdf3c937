package org.vigil.cib.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Constraint;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.Resource;

/** The CIB codec: XML text to the typed model and back. */
public final class CibXml {
  private static final int READ_CHUNK = 1 << 16;

  private CibXml() {}

  /** Parses a CIB document; {@code source} names it in errors. */
  public static Cib parse(String xml, String source) throws XmlParseException, CibFormatException {
    byte[] utf8 = xml.getBytes(StandardCharsets.UTF_8);
    return parse(utf8, utf8.length, source, false);
  }

  public static Cib parse(Reader in, String source) throws XmlParseException, CibFormatException {
    return parse(XmlCodec.readAll(in, source), source);
  }

  /** Reads a CIB file (UTF-8); the status section goes straight into the model, without an element tree. */
  public static Cib read(Path file) throws IOException, XmlParseException, CibFormatException {
    try (InputStream in = Files.newInputStream(file)) {
      // in modest chunks straight into one array a byte larger than the file (to see its end):
      // unlike Files.readAllBytes, no temporary native buffer as large as the file
      byte[] buf = new byte[(int) Math.min(Files.size(file) + 1, Integer.MAX_VALUE - 8)];
      int len = 0;
      int read;
      while ((read = in.read(buf, len, Math.min(READ_CHUNK, buf.length - len))) >= 0) {
        len += read;
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, (int) Math.min(buf.length * 2L, Integer.MAX_VALUE - 8));
        }
      }
      return parse(buf, len, file.toString(), true);
    }
  }

  private static Cib parse(byte[] utf8, int length, String source, boolean fromFile)
      throws XmlParseException, CibFormatException {
    CibReader reader = new CibReader(source);
    XmlParser.CibDocument doc = XmlParser.parseCib(utf8, length, source, fromFile, reader);
    return reader.read(doc.root(), doc.status());
  }

  /** As {@link #parse(String, String)}, with two threads on any status section longer than {@code parallelAbove} bytes. */
  static Cib parse(String xml, String source, int parallelAbove) throws XmlParseException, CibFormatException {
    byte[] utf8 = xml.getBytes(StandardCharsets.UTF_8);
    CibReader reader = new CibReader(source);
    XmlParser.CibDocument doc = XmlParser.parseCib(utf8, utf8.length, source, false, reader, parallelAbove);
    return reader.read(doc.root(), doc.status());
  }

  public static Cib fromElement(XmlElement root, String source) throws CibFormatException {
    return new CibReader(source).read(root);
  }

  public static XmlElement toElement(Cib cib) {
    return CibWriter.cib(cib);
  }

  public static String write(Cib cib) {
    return XmlCodec.write(toElement(cib));
  }

  public static XmlElement toElement(org.vigil.cib.model.Configuration c) {
    return CibWriter.configuration(c);
  }

  /** The XML of one resource (primitive, group, clone, bundle or template). */
  public static XmlElement toElement(Resource r) {
    return CibWriter.resource(r);
  }

  public static XmlElement toElement(Constraint c) {
    return CibWriter.constraint(c);
  }

  public static XmlElement toElement(Node n) {
    return CibWriter.node(n);
  }

  public static XmlElement toElement(NodeState n) {
    return CibWriter.nodeState(n);
  }

  public static XmlElement toElement(LrmRscOp o) {
    return CibWriter.lrmRscOp(o);
  }
}
