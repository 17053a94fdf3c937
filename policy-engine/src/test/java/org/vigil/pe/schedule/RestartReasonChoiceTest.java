package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.FreshCluster.dummy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which of several orderings a restart is said to be due to (expectations from crm_simulate
 * 2.1.5 on two nodes).
 */
class RestartReasonChoiceTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static String history(String rsc, boolean monitorFailed) {
    String ops = "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_start_0' operation='start' "
        + "interval='0' call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'/>";
    if (monitorFailed) {
      ops += "<lrm_rsc_op id='" + rsc + "_monitor_10000' operation_key='" + rsc + "_monitor_10000' "
          + "operation='monitor' interval='10000' call-id='3' rc-code='1' op-status='0' transition-key='2:1:0:x'/>";
    }
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Dummy'>" + ops + "</lrm_resource>";
  }

  private static List<String> summary(String resources, String constraints, String onNode1) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints>" + constraints + "</constraints></configuration>"
        + "<status><node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + onNode1 + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void ofTwoMovingFirstsTheLaterConstraintIsNamed() {
    String c = "<rsc_location id='l1' rsc='a' node='node2' score='10'/>"
        + "<rsc_location id='l2' rsc='b' node='node2' score='10'/>"
        + "<rsc_order id='o1' first='a' then='c'/><rsc_order id='o2' first='b' then='c'/>";
    assertThat(summary(dummy("a") + dummy("b") + dummy("c"), c,
        history("a", false) + history("b", false) + history("c", false)))
        .containsExactlyInAnyOrder("* Move a ( node1 -> node2 )", "* Move b ( node1 -> node2 )",
            "* Restart c ( node1 ) due to required b start");
  }

  @Test
  void aGroupStartingFreshIsNamedOnlyWhenNothingElseRestartsTheResource() {
    String group = "<group id='G'>" + dummy("x") + dummy("y") + "</group>";
    String c = "<rsc_location id='l1' rsc='a' node='node2' score='10'/>"
        + "<rsc_location id='l2' rsc='c' node='node1' score='INFINITY'/>"
        + "<rsc_location id='l3' rsc='G' node='node1' score='INFINITY'/>"
        + "<rsc_order id='o1' first='a' then='c'/><rsc_order id='o2' first='G' then='c'/>";
    assertThat(summary(dummy("a") + group + dummy("c"), c, history("a", false) + history("c", false)))
        .contains("* Restart c ( node1 ) due to required a start");
    String onlyGroup = "<rsc_location id='l2' rsc='c' node='node1' score='INFINITY'/>"
        + "<rsc_location id='l3' rsc='G' node='node1' score='INFINITY'/><rsc_order id='o2' first='G' then='c'/>";
    assertThat(summary(group + dummy("c"), onlyGroup, history("c", false)))
        .contains("* Restart c ( node1 ) due to required G running");
  }

  @Test
  void aMemberAfterOneRecoveringOnItsOwnIsRestartedForWhatRestartsItsGroup() {
    String group = "<group id='G'>" + dummy("m1") + dummy("m2") + dummy("m3") + "</group>";
    String c = "<rsc_location id='l1' rsc='p' node='node1' score='100'/>"
        + "<rsc_location id='l2' rsc='G' node='node1' score='100'/><rsc_order id='o1' first='p' then='G'/>";
    String p = "<lrm_resource id='p' class='ocf' provider='pacemaker' type='Dummy'/>";
    // p moves to node1 (it ran on node2: given no history here, it starts), m1 recovers
    assertThat(summary(dummy("p") + group, c, p + history("m1", true) + history("m2", false) + history("m3", false)))
        .containsExactlyInAnyOrder("* Start p ( node1 )", "* Recover m1 ( node1 )",
            "* Restart m2 ( node1 ) due to required p start",
            "* Restart m3 ( node1 ) due to required m2 start");
  }

  @Test
  void ofTwoGroupsStartingTheEarlierConstraintIsNamed() {
    String groups = "<group id='G'>" + dummy("x") + dummy("y") + "</group><group id='G2'>" + dummy("x2")
        + dummy("y2") + "</group>";
    String c = "<rsc_location id='l1' rsc='c' node='node1' score='INFINITY'/>"
        + "<rsc_location id='l2' rsc='G' node='node1' score='INFINITY'/>"
        + "<rsc_location id='l3' rsc='G2' node='node1' score='INFINITY'/>"
        + "<rsc_order id='o1' first='G2' then='c'/><rsc_order id='o2' first='G' then='c'/>";
    assertThat(summary(groups + dummy("c"), c, history("c", false)))
        .contains("* Restart c ( node1 ) due to required G2 running");
  }
}
