package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Orderings between clones: interleave, clone-min and require-all, read from the summary of two idle nodes. */
class CloneOrderingTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);
  private static final String BAN_A_ON_NODE1 = "<rsc_location id='ban' rsc='A-clone' node='node1' score='-INFINITY'/>";

  private static List<String> summary(String resources, String constraints) {
    return summary(resources, constraints, "", "");
  }

  /** Schedules with {@code onNode1} and {@code onNode2} as the nodes' resource histories. */
  private static List<String> summary(String resources, String constraints, String onNode1, String onNode2) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints>" + constraints + "</constraints></configuration>"
        + "<status>" + online("1", "node1", onNode1) + online("2", "node2", onNode2) + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  private static String online(String id, String name, String lrm) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='" + id + "'><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state>";
  }

  /** A history whose last operation is {@code op} with {@code rc} (a start 0 runs it, a monitor 1 failed it). */
  private static String history(String rsc, String op, int interval, int rc) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='" + rsc + "_start' operation_key='" + rsc + "_start_0' operation='start' interval='0' "
        + "call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'/>"
        + (op.equals("start") ? "" : "<lrm_rsc_op id='" + rsc + "_" + op + "' operation_key='" + rsc + "_" + op + "_"
        + interval + "' operation='" + op + "' interval='" + interval + "' call-id='3' rc-code='" + rc
        + "' op-status='0' transition-key='2:1:0:x'/>")
        + "</lrm_resource>";
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

  @Test
  void aNewCloneInstanceDoesNotRestartAResourceOrderedAfterTheClone() {
    String resources = clone("A", "") + dummy("p", false);
    String order = "<rsc_order id='ord' first='A-clone' then='p'/>";
    assertThat(summary(resources, order, history("A", "start", 0, 0) + history("p", "start", 0, 0), ""))
        .containsExactly("* Start A:1 ( node2 )");
    assertThat(summary(resources, order, history("A", "monitor", 10000, 1) + history("p", "start", 0, 0), ""))
        .containsExactly("* Recover A:0 ( node1 )", "* Start A:1 ( node2 )",
            "* Restart p ( node1 ) due to required A-clone running");
  }
}
