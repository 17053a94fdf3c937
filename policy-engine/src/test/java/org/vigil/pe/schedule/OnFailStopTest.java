package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnFailStopTest {
  @Test
  void aFailedStartWithOnFailStopStopsTheResourceInsteadOfRecoveringIt() {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'><operations>"
        + "<op id='a-start' name='start' interval='0' on-fail='stop'/></operations></primitive>"
        + "</resources><constraints/></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'><lrm id='2'>"
        + "<lrm_resources><lrm_resource id='a' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='a_last_0' operation_key='a_start_0' operation='start' interval='0' call-id='3' rc-code='1' "
        + "op-status='0' transition-key='1:1:0:x'/>"
        + "</lrm_resource></lrm_resources></lrm></node_state></status></cib>";
    List<String> summary = SchedulingFixture.summary(xml, Instant.ofEpochSecond(1_600_000_000L));
    assertThat(summary).containsExactly("* Stop a ( node2 ) due to node availability");
  }
}
