package org.vigil.cib.xml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Constraint;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.Node;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.model.Resource;

/** The CIB codec: XML text to the typed model and back. */
public final class CibXml {
  private CibXml() {}

  /** Parses a CIB document; {@code source} names it in errors. */
  public static Cib parse(String xml, String source) throws XmlParseException, CibFormatException {
    byte[] utf8 = xml.getBytes(StandardCharsets.UTF_8);
    return parse(utf8, source, false);
  }

  public static Cib parse(Reader in, String source) throws XmlParseException, CibFormatException {
    return parse(XmlCodec.readAll(in, source), source);
  }

  /** Reads a CIB file (UTF-8); the status section goes straight into the model, without an element tree. */
  public static Cib read(Path file) throws IOException, XmlParseException, CibFormatException {
    return parse(Files.readAllBytes(file), file.toString(), true);
  }

  private static Cib parse(byte[] utf8, String source, boolean fromFile) throws XmlParseException, CibFormatException {
    CibReader reader = new CibReader(source);
    XmlParser.CibDocument doc = XmlParser.parseCib(utf8, utf8.length, source, fromFile, reader);
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
