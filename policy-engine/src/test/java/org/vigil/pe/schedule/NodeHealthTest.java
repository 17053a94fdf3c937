package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** node-health-strategy on two nodes, node1 reporting {@code #health-disk}. */
class NodeHealthTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static List<String> schedule(String strategy, String colour, String resourceMeta) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/>"
        + "<nvpair id='h' name='node-health-strategy' value='" + strategy + "'/>"
        + "<nvpair id='y' name='node-health-yellow' value='-100'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'><meta_attributes id='m'>" + resourceMeta
        + "</meta_attributes></primitive></resources><constraints>"
        + "<rsc_location id='l' rsc='a' node='node1' score='50'/></constraints></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<transient_attributes id='1'><instance_attributes id='t1'><nvpair id='t1h' name='#health-disk' value='"
        + colour + "'/></instance_attributes></transient_attributes></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void healthIsIgnoredWithoutAStrategy() {
    assertThat(schedule("none", "red", "")).containsExactly("* Start a ( node1 )");
  }

  @Test
  void onlyGreenBansAYellowNode() {
    assertThat(schedule("only-green", "yellow", "")).containsExactly("* Start a ( node2 )");
    assertThat(schedule("migrate-on-red", "yellow", "")).containsExactly("* Start a ( node1 )");
  }

  @Test
  void progressiveAddsTheColourScore() {
    // 50 for the location, -100 for yellow
    assertThat(schedule("progressive", "yellow", "")).containsExactly("* Start a ( node2 )");
    assertThat(schedule("progressive", "green", "")).containsExactly("* Start a ( node1 )");
  }

  @Test
  void aResourceMayAllowUnhealthyNodes() {
    String allow = "<nvpair id='u' name='allow-unhealthy-nodes' value='true'/>";
    assertThat(schedule("only-green", "red", allow)).containsExactly("* Start a ( node1 )");
  }
}
