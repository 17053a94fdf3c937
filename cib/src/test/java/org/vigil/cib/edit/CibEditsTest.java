package org.vigil.cib.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.model.Location;
import org.vigil.cib.model.NvSet;
import org.vigil.cib.xml.CibXml;

class CibEditsTest {
  private static Cib cib() throws Exception {
    return CibXml.parse("""
        <cib epoch="1"><configuration><crm_config/>
          <nodes><node id="1" uname="node1"/><node id="2" uname="node2"/></nodes>
          <resources><group id="g"><primitive id="a" class="ocf" provider="pacemaker" type="Dummy">
            <meta_attributes id="custom"><nvpair id="custom-tr" name="target-role" value="Started"/></meta_attributes>
          </primitive></group></resources><constraints/></configuration>
          <status><node_state id="1" uname="node1"><transient_attributes id="1"><instance_attributes id="status-1">
            <nvpair id="s1" name="fail-count-a#monitor_10000" value="2"/><nvpair id="s2" name="last-failure-a#monitor_10000" value="5"/>
            <nvpair id="s3" name="fail-count-ab" value="1"/></instance_attributes></transient_attributes>
            <lrm id="1"><lrm_resources><lrm_resource id="a" class="ocf" provider="pacemaker" type="Dummy"/>
            <lrm_resource id="b" class="ocf" provider="pacemaker" type="Dummy"/></lrm_resources></lrm></node_state></status></cib>
        """, "t");
  }

  @Test
  void anExistingMetaAttributeIsChangedWhereItIs() throws Exception {
    Configuration c = CibEdits.setMetaAttribute(cib().configuration(), "a", "target-role", "Stopped");
    List<NvSet> meta = c.findResource("a").orElseThrow().metaAttributes();
    assertThat(meta).hasSize(1);
    assertThat(meta.get(0).id()).isEqualTo("custom");
    assertThat(meta.get(0).get("target-role")).contains("Stopped");
  }

  @Test
  void aNewMetaAttributeGoesIntoTheStandardSetWithTheStandardId() throws Exception {
    Configuration c = CibEdits.setMetaAttribute(cib().configuration(), "g", "is-managed", "false");
    NvSet set = c.findResource("g").orElseThrow().metaAttributes().get(0);
    assertThat(set.id()).isEqualTo("g-meta_attributes");
    assertThat(set.pairs().get(0).id()).isEqualTo("g-meta_attributes-is-managed");
    assertThat(CibEdits.setMetaAttribute(c, "g", "is-managed", null).findResource("g").orElseThrow()
        .metaAttributes().get(0).pairs()).isEmpty();
  }

  @Test
  void moveAndBanConstraintsHaveCrmResourceIdsAndClearRemovesOnlyThem() throws Exception {
    Configuration c = cib().configuration();
    c = CibEdits.putConstraint(c, CibEdits.preferConstraint("g", "node2"));
    c = CibEdits.putConstraint(c, CibEdits.banConstraint("g", "node1"));
    c = CibEdits.putConstraint(c, CibEdits.banConstraint("gx", "node1"));
    assertThat(c.constraints()).extracting(k -> k.id()).containsExactly("cli-prefer-g", "cli-ban-g-on-node1", "cli-ban-gx-on-node1");
    assertThat(((Location) c.constraints().get(1)).score()).isEqualTo("-INFINITY");
    Configuration cleared = CibEdits.removeConstraints(c, CibEdits.cliConstraintsOf("g"));
    assertThat(cleared.constraints()).extracting(k -> k.id()).containsExactly("cli-ban-gx-on-node1");
  }

  @Test
  void nodeAttributesUseTheNodesSetAndUnknownNodesAreRefused() throws Exception {
    Configuration c = CibEdits.setNodeAttribute(cib().configuration(), "node2", "standby", "on");
    assertThat(c.findNode("node2").orElseThrow().instanceAttributes().get(0).pairs().get(0).id()).isEqualTo("nodes-2-standby");
    assertThat(CibEdits.nodeAttribute(c, "node2", "standby")).contains("on");
    assertThatThrownBy(() -> CibEdits.setNodeAttribute(cib().configuration(), "node9", "standby", "on"))
        .isInstanceOf(CibEdits.NotFound.class).hasMessageContaining("node9");
  }

  @Test
  void cleanupForgetsHistoryAndFailuresOfThatResourceOnly() throws Exception {
    Cib cleaned = CibEdits.cleanup(cib(), List.of("a"), List.of("node1"));
    assertThat(cleaned.status().nodeState("node1").orElseThrow().lrmResources()).extracting(r -> r.id()).containsExactly("b");
    assertThat(CibEdits.transientAttributes(cleaned, "node1", n -> true)).extracting(p -> p.name())
        .containsExactly("fail-count-ab");
  }

  @Test
  void transientAttributesCreateTheNodeStateWhenMissing() throws Exception {
    Cib c = CibEdits.setTransientAttribute(cib(), "node2", "standby", "on");
    assertThat(c.status().nodeState("node2").orElseThrow().transientAttribute("standby")).contains("on");
  }

  @Test
  void failCountsGetPacemakersIdsWithoutTheHashSign() throws Exception {
    Cib c = CibEdits.setTransientAttribute(cib(), "node2", "fail-count-a#start_0", "INFINITY");
    assertThat(CibEdits.transientAttributes(c, "node2", n -> true)).singleElement()
        .satisfies(p -> assertThat(p.id()).isEqualTo("status-2-fail-count-a.start_0"));
  }
}
