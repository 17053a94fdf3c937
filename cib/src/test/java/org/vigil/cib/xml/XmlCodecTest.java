package org.vigil.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlCodecTest {
  @Test
  void malformedXmlIsReportedWithLineAndColumn() {
    assertThatThrownBy(() -> XmlCodec.parse("<cib>\n  <configuration>\n  </cib>", "bad.xml"))
        .isInstanceOf(XmlParseException.class)
        .satisfies(e -> {
          XmlParseException x = (XmlParseException) e;
          assertThat(x.line()).isEqualTo(3);
          assertThat(x.column()).isPositive();
          assertThat(x.getMessage()).startsWith("bad.xml:3:");
        });
  }

  @Test
  void doctypeIsRefusedSoNoEntityBombsOrExternalEntities() {
    String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
        + "<cib>&lol2;</cib>";
    assertThatThrownBy(() -> XmlCodec.parse(bomb, "bomb.xml")).isInstanceOf(XmlParseException.class)
        .hasMessageContaining("DOCTYPE");
    String external = "<?xml version=\"1.0\"?><!DOCTYPE cib [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><cib>&xxe;</cib>";
    assertThatThrownBy(() -> XmlCodec.parse(external, "xxe.xml")).isInstanceOf(XmlParseException.class);
  }

  @Test
  void keepsTheOrderOfInterleavedChildren() throws Exception {
    XmlElement e = XmlCodec.parse("<resources><primitive id='a'/><group id='g'/><primitive id='b'/>"
        + "<clone id='c'/></resources>", "t");
    assertThat(e.children()).extracting(XmlElement::id).containsExactly("a", "g", "b", "c");
    XmlElement again = XmlCodec.parse(XmlCodec.write(e), "t2");
    assertThat(again).isEqualTo(e);
  }

  @Test
  void escapesWhatNeedsEscaping() throws Exception {
    XmlElement e = XmlElement.builder("nvpair").attr("value", "a<b & \"c\"\nd").build();
    assertThat(XmlCodec.parse(XmlCodec.write(e), "t").attr("value")).isEqualTo("a<b & \"c\"\nd");
  }

  @Test
  void emptyInputIsAnError() {
    assertThatThrownBy(() -> XmlCodec.parse("", "empty.xml")).isInstanceOf(XmlParseException.class);
  }
}
