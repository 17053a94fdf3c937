package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.PacemakerScheduler;

/** Orderings between clones: interleave, clone-min and require-all, read from the summary of two idle nodes. */
class CloneOrderingTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);
  private static final String BAN_A_ON_NODE1 = "<rsc_location id='ban' rsc='A-clone' node='node1' score='-INFINITY'/>";

  private static List<String> summary(String resources, String constraints) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints>" + constraints + "</constraints></configuration>"
        + "<status>" + online("1", "node1") + online("2", "node2") + "</status></cib>";
    try {
      Cib cib = CibXml.parse(xml, "test");
      return new PacemakerScheduler().schedule(cib, NOW).summary().stream()
          .map(s -> s.trim().replaceAll("\\s+", " ")).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String online(String id, String name) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='" + id + "'><lrm_resources/></lrm></node_state>";
  }

  private static String clone(String id, String meta) {
    return "<clone id='" + id + "-clone'><meta_attributes id='" + id + "-m'>" + meta + "</meta_attributes>"
        + "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'/></clone>";
  }

  private static String meta(String id, String name, String value) {
    return "<nvpair id='" + id + "-" + name + "' name='" + name + "' value='" + value + "'/>";
  }

  private static String dummy(String id, boolean disabled) {
    return "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'>"
        + (disabled ? "<meta_attributes id='" + id + "-m'>" + meta(id, "target-role", "Stopped") + "</meta_attributes>" : "")
        + "</primitive>";
  }

  private static final String A_THEN_B = "<rsc_order id='ord' first='A-clone' then='B-clone'/>";

  @Test
  void anInterleavedInstanceWaitsOnlyForTheInstanceOnItsNode() {
    String resources = clone("A", "") + clone("B", meta("B", "interleave", "true"));
    assertThat(summary(resources, BAN_A_ON_NODE1 + A_THEN_B))
        .containsExactly("* Start A:0 ( node2 )", "* Start B:1 ( node2 )");
  }

  @Test
  void withoutInterleaveEveryInstanceWaitsForTheWholeClone() {
    String resources = clone("A", "") + clone("B", "");
    assertThat(summary(resources, BAN_A_ON_NODE1 + A_THEN_B))
        .containsExactly("* Start A:0 ( node2 )", "* Start B:0 ( node1 )", "* Start B:1 ( node2 )");
  }

  @Test
  void cloneMinBlocksWhatFollowsUntilEnoughInstancesCanRun() {
    String resources = clone("A", meta("A", "clone-min", "2")) + clone("B", meta("B", "interleave", "true"));
    assertThat(summary(resources, BAN_A_ON_NODE1 + A_THEN_B)).containsExactly("* Start A:0 ( node2 )",
        "* Start B:0 ( node1 ) due to unrunnable clone-one-or-more:ord (blocked)",
        "* Start B:1 ( node2 ) due to unrunnable clone-one-or-more:ord (blocked)");
    assertThat(summary(resources, A_THEN_B)).hasSize(4);
  }

  @Test
  void aRequireAllFalseSetLetsWhatFollowsStartWhenOneMemberCan() {
    String order = "<rsc_order id='o'><resource_set id='any' sequential='false' require-all='false'>"
        + "<resource_ref id='b'/><resource_ref id='c'/></resource_set>"
        + "<resource_set id='after'><resource_ref id='d'/></resource_set></rsc_order>";
    assertThat(summary(dummy("b", true) + dummy("c", false) + dummy("d", false), order))
        .containsExactly("* Start c ( node1 )", "* Start d ( node2 )");
    assertThat(summary(dummy("b", true) + dummy("c", true) + dummy("d", false), order))
        .containsExactly("* Start d ( node1 ) due to unrunnable one-or-more:any (blocked)");
  }
}
