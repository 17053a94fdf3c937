package org.vigil.lrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetadataXmlTest {
  private static final String AGENT = """
      <?xml version="1.0"?>
      <!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
      <resource-agent name="Web" version="2.0">
      <version>1.1</version>
      <longdesc lang="en">
      Runs a web server &amp; its friends.
      </longdesc>
      <shortdesc lang="de">Webserver</shortdesc>
      <shortdesc lang="en">Web server</shortdesc>
      <parameters>
      <parameter name="port" unique="1" required="1">
      <longdesc lang="en">The port</longdesc>
      <shortdesc lang="en">Port</shortdesc>
      <content type="integer" default="80"/>
      </parameter>
      <parameter name="docroot" reloadable="1">
      <shortdesc lang="en">Document root</shortdesc>
      <content type="string"/>
      <deprecated/>
      </parameter>
      <parameter name="plain"/>
      </parameters>
      <actions>
      <action name="start" timeout="20s"/>
      <action name="monitor" depth="0" timeout="30" interval="10s" role="Promoted"/>
      <action name="reload-agent" timeout="2min"/>
      </actions>
      </resource-agent>
      """;

  @Test
  void readsParametersActionsAndDescriptionsDespiteTheDoctype() throws Exception {
    AgentMetadata md = AgentMetadata.parse(AGENT, "ocf:test:Web");
    assertThat(md.name()).isEqualTo("Web");
    assertThat(md.version()).isEqualTo("1.1");
    assertThat(md.shortdesc()).isEqualTo("Web server");
    assertThat(md.longdesc()).isEqualTo("\nRuns a web server & its friends.\n");
    assertThat(md.parameters()).extracting(AgentParameter::name).containsExactly("port", "docroot", "plain");
    assertThat(md.parameters().get(0)).isEqualTo(
        new AgentParameter("port", "integer", "80", true, true, false, false, "Port", "The port"));
    AgentParameter docroot = md.parameters().get(1);
    assertThat(docroot.reloadable()).isTrue();
    assertThat(docroot.deprecated()).isTrue();
    assertThat(docroot.defaultValue()).isNull();
    assertThat(md.parameters().get(2).type()).isEqualTo("string");
    AgentAction monitor = md.action("monitor").orElseThrow();
    assertThat(monitor.attributes().keySet()).containsExactly("depth", "timeout", "interval", "role");
    assertThat(monitor.timeout()).contains(Duration.ofSeconds(30));
    assertThat(monitor.interval()).contains(Duration.ofSeconds(10));
    assertThat(monitor.role()).contains("Promoted");
    assertThat(md.action("reload-agent").orElseThrow().timeout()).contains(Duration.ofMinutes(2));
  }

  @Test
  void notXmlIsAnErrorWithItsPosition() {
    assertThatThrownBy(() -> AgentMetadata.parse("usage: agent {start|stop}\n", "ocf:test:X"))
        .isInstanceOf(MetadataException.class)
        .hasMessageStartingWith("meta-data of ocf:test:X is not well-formed XML (line 1, column 1)");
    assertThatThrownBy(() -> AgentMetadata.parse("<resource-agent name='x'><parameters>", "ocf:test:X"))
        .isInstanceOf(MetadataException.class)
        .hasMessageContaining("not well-formed XML");
    assertThatThrownBy(() -> AgentMetadata.parse("", "ocf:test:X"))
        .hasMessage("meta-data of ocf:test:X is empty");
  }

  @Test
  void otherXmlAndNamelessParametersAreRefused() {
    assertThatThrownBy(() -> AgentMetadata.parse("<html><body/></html>", "ocf:test:X"))
        .hasMessage("meta-data of ocf:test:X has root element <html>, not <resource-agent>");
    assertThatThrownBy(() -> AgentMetadata.parse(
        "<resource-agent name='x'><parameters><parameter/></parameters></resource-agent>", "ocf:test:X"))
        .hasMessage("meta-data of ocf:test:X: a <parameter> has no name (line 1)");
  }

  @Test
  void externalEntitiesAreNotRead() throws Exception {
    Path secret = Files.createTempFile("lrm-secret", ".txt");
    try {
      Files.writeString(secret, "TOP SECRET");
      String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file://" + secret + "\">]>\n"
          + "<resource-agent name=\"x\"><shortdesc>&x;</shortdesc></resource-agent>";
      try {
        AgentMetadata md = AgentMetadata.parse(xxe, "ocf:test:X");
        assertThat(md.shortdesc()).doesNotContain("TOP SECRET");
      } catch (MetadataException refused) {
        assertThat(refused.getMessage()).contains("ocf:test:X");
      }
    } finally {
      Files.delete(secret);
    }
  }

  @Test
  void entityExpansionIsRefused() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY a").append(i).append(" \"");
      dtd.append(("&a" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");
    String bomb = dtd + "<resource-agent name=\"x\"><longdesc>&a9;</longdesc></resource-agent>";
    assertThatThrownBy(() -> AgentMetadata.parse(bomb, "ocf:test:X")).isInstanceOf(MetadataException.class);
  }
}
