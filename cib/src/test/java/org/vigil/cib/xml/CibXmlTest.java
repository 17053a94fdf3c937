package org.vigil.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Group;
import org.vigil.cib.model.Primitive;

class CibXmlTest {
  @Test
  void unknownAttributesAndElementsAreKept() throws Exception {
    String xml = "<cib epoch='3' future-attr='x'><configuration><crm_config/><nodes/>"
        + "<resources><primitive id='a' class='lsb' type='x' shiny='yes'><gadget id='g1'/></primitive></resources>"
        + "<constraints/><something-new id='s'/></configuration><status/></cib>";
    Cib cib = CibXml.parse(xml, "t");
    Primitive p = (Primitive) cib.configuration().resources().get(0);
    assertThat(p.extras().attr("shiny")).isEqualTo("yes");
    assertThat(p.extras().children()).extracting(XmlElement::name).containsExactly("gadget");
    String out = CibXml.write(cib);
    assertThat(out).contains("future-attr=\"x\"").contains("shiny=\"yes\"").contains("<gadget id=\"g1\"/>")
        .contains("<something-new id=\"s\"/>");
    assertThat(CibXml.parse(out, "t2")).isEqualTo(cib);
  }

  @Test
  void groupMemberOrderIsKept() throws Exception {
    Cib cib = CibXml.parse("<cib><configuration><resources><group id='g'>"
        + "<primitive id='z' class='lsb' type='z'/><meta_attributes id='m'/>"
        + "<primitive id='a' class='lsb' type='a'/></group></resources></configuration></cib>", "t");
    Group g = (Group) cib.configuration().resources().get(0);
    assertThat(g.members()).extracting(Primitive::id).containsExactly("z", "a");
    assertThat(((Group) CibXml.parse(CibXml.write(cib), "t").configuration().resources().get(0)).members())
        .extracting(Primitive::id).containsExactly("z", "a");
  }

  @Test
  void aDocumentThatIsNotACibIsRefused() {
    assertThatThrownBy(() -> CibXml.parse("<html/>", "page.html")).isInstanceOf(CibFormatException.class)
        .hasMessageContaining("expected <cib>");
  }

  @Test
  void nonNumericVersionIsRefusedWithTheLine() {
    assertThatThrownBy(() -> CibXml.parse("\n<cib epoch='one'/>", "v.xml")).isInstanceOf(CibFormatException.class)
        .hasMessageContaining("v.xml:2").hasMessageContaining("'one'");
  }
}
