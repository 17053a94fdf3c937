package org.vigil.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.TestData;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.NodeState;

/**
 * The parser of bytes, with its status section read straight into the model, gives what the
 * parser of characters and the element tree gave ({@link LegacyXmlParser}, {@link CibReader}
 * on the tree): the same model, the same trees and lines, the same errors to the character,
 * on the corpus and on every small corruption of a CIB that has all a status section can hold.
 */
class ParserDifferentialTest {
  /** A CIB with every kind of status content: typed, extras, text, CDATA, references, non-ASCII. */
  static final String SAMPLE = """
      <?xml version="1.0"?>
      <!-- a comment before -->
      <cib epoch="3" num_updates="1" admin_epoch="0" extra="x">
        <configuration>
          <crm_config/>
          <nodes><node id="1" uname="n1" description="caf\u00e9 &amp; bar"/></nodes>
          <resources>
            <primitive id="r1" class="ocf" provider="heartbeat" type="Dummy"/>
          </resources>
          <constraints/>
        </configuration>
        <status odd="1">
          <node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member" shutdown="0">
            <transient_attributes id="1">
              <instance_attributes id="status-1"><nvpair id="a" name="fail-count" value="INFINITY"/></instance_attributes>
            </transient_attributes>
            <lrm id="1" other="y">
              <lrm_resources id="rs">
                <lrm_resource id="r1" type="Dummy" class="ocf" provider="heartbeat" note="n">
                  <lrm_rsc_op id="r1_last_0" operation_key="r1_start_0" operation="start" crm-debug-origin="t"
                      transition-key="1:2:0:abc" transition-magic="0:0;1:2:0:abc" call-id="4" rc-code="0"
                      op-status="0" interval="0" last-rc-change="1700000000" last-run=" 17 " exec-time="x12"
                      queue-time="-3" op-digest="d1" on_node="n1" exit-reason="r&#233;sum&#xE9; &lt;ok&gt;"/>
                  <lrm_rsc_op id="r1_monitor_10000" operation_key="r1_monitor_10000" operation="monitor"
                      call-id="99999999999" rc-code="+7" interval="10000">text <![CDATA[<c>]]><child a="1">t</child>
                  </lrm_rsc_op>
                  <other/>
                </lrm_resource>
                <not_a_resource/>
              </lrm_resources>
              <lrm_resources id="second"/>
            </lrm>
            <lrm id="second-lrm"/>
            <transient_attributes id="second-ta"/>
            text in node_state \u00fc\u00e9 &#x1F600;
          </node_state>
          <node_state id="2" uname="n\u00e9"/>
          <tickets><ticket_state id="t" granted="true"/><junk/></tickets>
          <unknown a="b"><x/></unknown>
          <?pi in status?>
        </status>
        <status id="second-status"><node_state id="9"/></status>
      </cib>
      """;

  @Test
  void givesTheSameModelAndTreesAsBeforeOnTheCorpus() throws Exception {
    assumeTrue(Files.isDirectory(TestData.corpusXml()), "conformance corpus not found at " + TestData.corpusXml());
    List<String> differ = new ArrayList<>();
    for (Path f : TestData.corpusFiles()) {
      String xml = Files.readString(f);
      if (!outcome(xml).equals(legacyOutcome(xml))) {
        differ.add(f.getFileName().toString());
      }
    }
    assertThat(differ).isEmpty();
  }

  @Test
  void givesTheSameModelForTheSample() throws Exception {
    Cib ours = CibXml.parse(SAMPLE, "s");
    assertThat(ours).isEqualTo(CibXml.fromElement(LegacyXmlParser.parse(SAMPLE.toCharArray(), SAMPLE.length(), "s"),
        "s"));
    assertThat(ours.status().nodeStates()).hasSize(2);
    assertThat(ours.status().nodeStates().get(0).lrmResources().get(0).ops().get(0).exitReason())
        .isEqualTo("r\u00e9sum\u00e9 <ok>");
    assertThat(ours.status().nodeStates().get(1).uname()).isEqualTo("n\u00e9");
    assertThat(ours.attributes().children()).extracting(XmlElement::name).containsExactly("status");
  }

  @Test
  void everyDeletionAndInsertionInTheSampleEndsAsBefore() {
    String[] inserts = {"<", ">", "/", "&", "\"", "=", "\r", "<!--", "</", "\u00d7", "<status>"};
    List<String> differ = new ArrayList<>();
    int cases = 0;
    for (int at = 0; at <= SAMPLE.length(); at++) {
      List<String> variants = new ArrayList<>();
      if (at < SAMPLE.length()) {
        variants.add(SAMPLE.substring(0, at) + SAMPLE.substring(at + 1));
      }
      for (String s : inserts) {
        variants.add(SAMPLE.substring(0, at) + s + SAMPLE.substring(at));
      }
      for (String v : variants) {
        cases++;
        Object ours = outcome(v);
        Object before = legacyOutcome(v);
        if (!ours.equals(before) && differ.size() < 5) {
          differ.add("at " + at + ": " + ours + " <> " + before);
        }
        Object split = splitOutcome(v);
        if (!split.equals(before) && differ.size() < 5) {
          differ.add("two threads, at " + at + ": " + split + " <> " + before);
        }
        Object tree = treeOutcome(v);
        Object legacyTree = legacyTreeOutcome(v);
        if (!tree.equals(legacyTree) && differ.size() < 5) {
          differ.add("tree at " + at + ": " + tree + " <> " + legacyTree);
        }
      }
    }
    assertThat(cases).isGreaterThan(20_000);
    assertThat(differ).isEmpty();
  }

  /** A status section of {@code nodes} node states, each with one resource of {@code ops} operations. */
  static String bigCib(int nodes, int ops, String between) {
    StringBuilder sb = new StringBuilder("<cib epoch='1'>\n <configuration/>\n <status>\n");
    for (int i = 1; i <= nodes; i++) {
      sb.append("  <node_state id='").append(i).append("' uname='node").append(i).append("' in_ccm='true'>\n")
          .append("   <lrm id='").append(i).append("'><lrm_resources><lrm_resource id='r' class='ocf' type='D'>\n");
      for (int k = 0; k < ops; k++) {
        sb.append("    <lrm_rsc_op id='r_").append(k).append("' operation_key='r_monitor_").append(k)
            .append("' operation='monitor' crm-debug-origin='t' call-id='").append(k).append("' rc-code='0'")
            .append(" interval='").append(k * 1000).append("' last-rc-change='1700000000' op-digest='abc'/>\n");
      }
      sb.append("   </lrm_resource></lrm_resources></lrm>\n  </node_state>\n");
      if (i == nodes / 2) {
        sb.append(between);
      }
    }
    return sb.append(" </status>\n</cib>\n").toString();
  }

  @Test
  void twoThreadsReadALargeStatusSectionAsOneWould() throws Exception {
    String xml = bigCib(40, 300, "");
    assertThat(xml.length()).isGreaterThan(1 << 20);
    Cib ours = CibXml.parse(xml, "t");
    assertThat(ours).isEqualTo(legacyOutcome(xml));
    assertThat(ours.status().nodeStates()).extracting(NodeState::id)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 40).mapToObj(String::valueOf).toList());
  }

  @Test
  void anInterruptedReaderStillReadsItAllAndStaysInterrupted() throws Exception {
    String xml = bigCib(4, 100, "");
    Thread.currentThread().interrupt();
    Cib cib = CibXml.parse(xml, "t", 0);
    assertThat(Thread.interrupted()).isTrue();
    assertThat(cib).isEqualTo(legacyOutcome(xml));
  }

  @Test
  void aSplitPlaceThatIsNoNodeStateOfTheStatusSectionIsReadByOneThread() throws Exception {
    String fake = "<!-- <node_state id='in-a-comment'/> --><![CDATA[ <node_state id='in-cdata'> ]]>"
        + "<other><node_state id='nested'/></other>";
    for (String between : List.of(fake, fake + fake + fake + fake)) {
      String xml = bigCib(6, 20, between);
      for (int above : new int[] {0, 1000}) {
        Cib cib = CibXml.parse(xml, "t", above);
        assertThat(cib).isEqualTo(legacyOutcome(xml));
        assertThat(cib.status().nodeStates()).hasSize(6);
        assertThat(cib.status().extras().children()).extracting(XmlElement::name).containsExactly(
            Collections.nCopies(between == fake ? 1 : 4, "other").toArray(String[]::new));
      }
    }
  }

  @Test
  void theFirstErrorIsReportedWhicheverHalfHasIt() {
    String xml = bigCib(10, 50, "");
    int third = xml.indexOf("<node_state id='3'");
    int ninth = xml.indexOf("<node_state id='9'");
    String bothBad = xml.substring(0, third) + "<x y='1' y='2'/>" + xml.substring(third, ninth) + "&bad;"
        + xml.substring(ninth);
    String secondBad = xml.substring(0, ninth) + "<node_state id='9'></lrm>" + xml.substring(ninth);
    String unclosed = xml.substring(0, xml.indexOf(" </status>"));
    for (String bad : List.of(bothBad, secondBad, unclosed)) {
      assertThat(splitOutcome(bad)).isEqualTo(legacyOutcome(bad)).asString().startsWith("XmlParseException");
    }
    assertThat(splitOutcome(bothBad)).asString().contains("duplicate attribute y");
    assertThat(splitOutcome(unclosed)).asString().contains("element <status> is not closed");
  }

  @Test
  void namesAndValuesLikeThoseOfThePreviousTagAreReadForWhatTheyAre() throws Exception {
    String xml = "<cib><status><node_state id='1'><lrm><lrm_resources><lrm_resource id='r'>"
        + "<lrm_rsc_op id='a' operation='start' on_node='n1' call-id='1'/>"
        + "<lrm_rsc_op id='b' operation='stop' on_node='n1x' call-id='2'/>"
        + "<lrm_rsc_op idx='c' operation ='start' on_node = 'n1' call-id='3'/>"
        + "<lrm_rsc_op id='d' operatio='start' on_node='n2' call-id='x4'/>"
        + "<lrm_rsc_op i='e' operation='start' on_nodes='n1' call-id='5' extra='1'/>"
        + "<lrm_rsc_op id='f' operation='st&#97;rt' on_node='n1' call-id='6'/>"
        + "</lrm_resource></lrm_resources></lrm></node_state></status></cib>";
    Cib ours = CibXml.parse(xml, "t");
    assertThat(ours).isEqualTo(legacyOutcome(xml));
    assertThat(ours.status().nodeStates().get(0).lrmResources().get(0).ops())
        .extracting(o -> o.id() + "/" + o.operation() + "/" + o.onNode() + "/" + o.callId() + "/" + o.extras().attributes())
        .containsExactly("a/start/n1/1/{}", "b/stop/n1x/2/{}", "null/start/n1/3/{idx=c}",
            "d/null/n2/null/{operatio=start, call-id=x4}", "null/start/null/5/{i=e, on_nodes=n1, extra=1}",
            "f/start/n1/6/{}");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedAsAReaderRefusedIt(@TempDir Path dir) throws Exception {
    byte[] sample = SAMPLE.getBytes(StandardCharsets.UTF_8);
    byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}};
    int[] places = {0, SAMPLE.indexOf("caf"), SAMPLE.indexOf("exit-reason") + 13, SAMPLE.indexOf("text in"),
        SAMPLE.indexOf("<!-- a") + 5, SAMPLE.indexOf("n\u00e9"), SAMPLE.indexOf("<lrm_rsc_op") + 1, SAMPLE.length() - 2};
    for (byte[] b : bad) {
      for (int place : places) {
        int at = SAMPLE.substring(0, place).getBytes(StandardCharsets.UTF_8).length;
        byte[] file = new byte[sample.length + b.length];
        System.arraycopy(sample, 0, file, 0, at);
        System.arraycopy(b, 0, file, at, b.length);
        System.arraycopy(sample, at, file, at + b.length, sample.length - at);
        Path f = dir.resolve("bad.xml");
        Files.write(f, file);
        assertThat(readOutcome(f)).as(at + " " + b[0]).isEqualTo(legacyReadOutcome(f))
            .startsWith("XmlParseException");
      }
    }
  }

  @Test
  void aFileWithAByteOrderMarkOrNonAsciiReadsAsBefore(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bom.xml");
    Files.writeString(f, "\uFEFF" + SAMPLE);
    assertThat(readOutcome(f)).isEqualTo(legacyReadOutcome(f)).startsWith("Cib");
    Files.writeString(f, "\uFEFF<cib>\n <status>\u00e9<node_state id='\u00e9'>&bad;</node_state></status></cib>");
    assertThat(readOutcome(f)).isEqualTo(legacyReadOutcome(f)).isEqualTo(
        "XmlParseException " + f + ":2:30: entity reference &bad; is not allowed");
  }

  /** What CibXml.parse makes of {@code xml}: the model, or the error. */
  private static Object outcome(String xml) {
    try {
      return CibXml.parse(xml, "t");
    } catch (Exception e) {
      return e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }

  /** As {@link #outcome}, with two threads on the status section, split near its middle. */
  private static Object splitOutcome(String xml) {
    try {
      return CibXml.parse(xml, "t", 0);
    } catch (Exception e) {
      return e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }

  private static Object legacyOutcome(String xml) {
    try {
      return CibXml.fromElement(LegacyXmlParser.parse(xml.toCharArray(), xml.length(), "t"), "t");
    } catch (Exception e) {
      return e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }

  private static Object treeOutcome(String xml) {
    try {
      XmlElement e = XmlCodec.parse(xml, "t");
      return List.of(e, lines(e));
    } catch (Exception e) {
      return e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }

  private static Object legacyTreeOutcome(String xml) {
    try {
      XmlElement e = LegacyXmlParser.parse(xml.toCharArray(), xml.length(), "t");
      return List.of(e, lines(e));
    } catch (Exception e) {
      return e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }

  private static String lines(XmlElement e) {
    StringBuilder sb = new StringBuilder().append(e.line()).append(',');
    for (XmlElement c : e.children()) {
      sb.append(lines(c));
    }
    return sb.toString();
  }

  private static String readOutcome(Path f) {
    try {
      return "Cib " + CibXml.read(f);
    } catch (Exception e) {
      return e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }

  /** CibXml.read as it was: a reader of UTF-8 characters, then the parser of characters. */
  private static String legacyReadOutcome(Path f) {
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      char[] buf = new char[(int) Files.size(f) + 1];
      int len = 0;
      int read;
      try {
        while ((read = r.read(buf, len, buf.length - len)) > 0) {
          len += read;
        }
      } catch (java.io.IOException e) {
        throw new XmlParseException(f.toString(), 0, 0, "cannot read: " + e.getMessage());
      }
      return "Cib " + CibXml.fromElement(LegacyXmlParser.parse(buf, len, f.toString()), f.toString());
    } catch (Exception e) {
      return e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }
}
