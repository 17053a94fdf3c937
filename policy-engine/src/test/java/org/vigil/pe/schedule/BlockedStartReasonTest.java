package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Why a start is blocked, as the Transition Summary says it (expectations from crm_simulate 2.1.5). */
class BlockedStartReasonTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static String node(int i, String lrm) {
    return "<node_state id='" + i + "' uname='node" + i + "' in_ccm='true' crmd='online' join='member' "
        + "expected='member'><lrm id='" + i + "'><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state>";
  }

  @Test
  void aStoppedMemberIsBlockedByWhatBlocksItsGroupNotByTheMemberBeforeIt() {
    // g2 must follow g1, whose x2 can run nowhere: m1 (running on node2, placed on node1)
    // stops, m2 (not running) cannot start, both because g1 cannot run
    String m1 = "<lrm_resource id='m1' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='m1_last_0' operation_key='m1_start_0' operation='start' interval='0' call-id='2' "
        + "rc-code='0' op-status='0' transition-key='1:1:0:x'/></lrm_resource>";
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<group id='g1'>" + dummy("x1") + dummy("x2") + "</group>"
        + "<group id='g2'>" + dummy("m1") + dummy("m2") + "</group></resources><constraints>"
        + "<rsc_location id='l1' rsc='g2' node='node1' score='100'/>"
        + "<rsc_location id='l2' rsc='x2' node='node1' score='-INFINITY'/>"
        + "<rsc_location id='l3' rsc='x2' node='node2' score='-INFINITY'/>"
        + "<rsc_order id='o1' first='g1' then='g2'/></constraints></configuration>"
        + "<status>" + node(1, "") + node(2, m1) + "</status></cib>";
    List<String> summary = SchedulingFixture.summary(xml, NOW);
    assertThat(summary).containsExactlyInAnyOrder("* Start x1 ( node1 )",
        "* Stop m1 ( node2 ) due to unrunnable g1 running",
        "* Start m2 ( node1 ) due to unrunnable g1 running (blocked)");
  }
}
