package org.vigil.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.vigil.cib.TestData;

/** The hand-written parser gives the tree the JDK's StAX reader gives, and refuses what it refuses. */
class XmlParserTest {
  @Test
  void agreesWithTheJdkStaxReaderOnEveryCorpusCib() throws Exception {
    assumeTrue(Files.isDirectory(TestData.corpusXml()), "conformance corpus not found at " + TestData.corpusXml());
    List<String> differ = new ArrayList<>();
    for (Path f : TestData.corpusFiles()) {
      String xml = Files.readString(f);
      XmlElement ours = XmlCodec.parse(xml, f.toString());
      XmlElement stax = stax(xml);
      if (!ours.equals(stax) || !sameLines(ours, stax)) {
        differ.add(f.getFileName().toString());
      }
    }
    assertThat(differ).isEmpty();
  }

  @Test
  void normalizesAttributeValuesAndTextAsXmlSays() throws Exception {
    String xml = "<?xml version=\"1.0\"?>\n<!-- c --><a x=\"1\ttwo\r\nthree&#10;&lt;&amp;&#x41;\" y='q\"'>"
        + " lead <![CDATA[<raw>]]> mid<!-- skipped --> tail\r\n<?pi data?><b/>after </a>\n";
    XmlElement ours = XmlCodec.parse(xml, "t");
    assertThat(ours.attr("x")).isEqualTo("1 two three\n<&A");
    assertThat(ours.attr("y")).isEqualTo("q\"");
    assertThat(ours.text()).isEqualTo("lead <raw> mid tail\nafter");
    assertThat(ours).isEqualTo(stax(xml));
  }

  @Test
  void recordsTheLineOfEachStartTag() throws Exception {
    XmlElement root = XmlCodec.parse("<cib>\n  <configuration\n    a=\"1\">\n  </configuration>\n</cib>", "t");
    assertThat(root.line()).isEqualTo(1);
    assertThat(root.children().get(0).line()).isEqualTo(3);
  }

  @Test
  void refusesWhatIsNotWellFormed() {
    for (String bad : List.of("<a><b></a>", "<a x='1' x='2'/>", "<a x='1'y='2'/>", "<a x=1/>", "<a>&nbsp;</a>",
        "<a x='<'/>", "<a>", "<a/><b/>", "<a/>text", "text<a/>", "<a x='1/>", "<a><!-- open</a>", "<1a/>",
        "<a>&#0;</a>", "<a>& b</a>")) {
      assertThatThrownBy(() -> XmlCodec.parse(bad, "bad.xml")).as(bad).isInstanceOf(XmlParseException.class);
      assertThatThrownBy(() -> stax(bad)).as(bad).isInstanceOf(Exception.class);
    }
  }

  @Test
  void aMismatchedEndTagIsReportedWhereItIs() {
    assertThatThrownBy(() -> XmlCodec.parse("<cib>\n  <configuration>\n  </cib>", "bad.xml"))
        .isInstanceOf(XmlParseException.class)
        .hasMessage("bad.xml:3:3: element <configuration> must be ended by </configuration>, not </cib>");
  }

  private static boolean sameLines(XmlElement a, XmlElement b) {
    if (a.line() != b.line()) {
      return false;
    }
    for (int i = 0; i < a.children().size(); i++) {
      if (!sameLines(a.children().get(i), b.children().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The tree as the JDK's StAX reader gives it (what Vigil used before its own parser). */
  private static XmlElement stax(String xml) throws Exception {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
    record Open(String name, Map<String, String> attrs, int line, List<XmlElement> children, StringBuilder text) {}
    Deque<Open> stack = new ArrayDeque<>();
    XmlElement root = null;
    while (r.hasNext()) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          Map<String, String> attrs = new LinkedHashMap<>();
          for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
          }
          stack.push(new Open(r.getLocalName(), attrs, r.getLocation().getLineNumber(), new ArrayList<>(),
              new StringBuilder()));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!stack.isEmpty()) {
            stack.peek().text().append(r.getText());
          } else if (!r.isWhiteSpace()) {
            throw new IllegalStateException("text outside the document element");
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          Open o = stack.pop();
          XmlElement e = new XmlElement(o.name(), o.attrs(), o.children(), o.text().toString().trim(), o.line());
          if (stack.isEmpty()) {
            root = e;
          } else {
            stack.peek().children().add(e);
          }
        }
        default -> {
          // comments and processing instructions
        }
      }
    }
    return root;
  }
}
