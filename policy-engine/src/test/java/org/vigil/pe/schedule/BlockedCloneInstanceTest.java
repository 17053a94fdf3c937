package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;
import static org.vigil.pe.schedule.SchedulingFixture.running;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A clone instance blocked by a failure (on-fail=block), seen from what must run with the clone. */
class BlockedCloneInstanceTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  @Test
  void aMandatoryColocationWithACloneDoesNotCountAnInstanceBlockedByAFailure() {
    // d's monitor failed on node1 with on-fail=block; node2 is in standby, so the clone runs
    // nowhere it can be acted on: ip, which must run with it, has no node (crm_simulate 2.1.5)
    String d = "<lrm_resource id='d' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='d_last_0' operation_key='d_start_0' operation='start' interval='0' call-id='2' "
        + "rc-code='0' op-status='0' transition-key='1:1:0:x'/>"
        + "<lrm_rsc_op id='d_last_failure_0' operation_key='d_monitor_10000' operation='monitor' interval='10000' "
        + "call-id='3' rc-code='1' op-status='0' transition-key='2:1:0:x'/></lrm_resource>";
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'><instance_attributes id='n2'>"
        + "<nvpair id='n2s' name='standby' value='on'/></instance_attributes></node></nodes><resources>"
        + "<clone id='c'><primitive id='d' class='ocf' provider='pacemaker' type='Dummy'><operations>"
        + "<op id='d-m' name='monitor' interval='10s' on-fail='block'/></operations></primitive></clone>"
        + dummy("ip") + "</resources><constraints>"
        + "<rsc_colocation id='col' rsc='ip' with-rsc='c' score='INFINITY'/></constraints></configuration>"
        + "<status><node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + d + running("ip", 4) + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "</status></cib>";
    List<String> summary = SchedulingFixture.summary(xml, NOW);
    assertThat(summary).containsExactly("* Stop ip ( node1 ) due to node availability");
  }
}
