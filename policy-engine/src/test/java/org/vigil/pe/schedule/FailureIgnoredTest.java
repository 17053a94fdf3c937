package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.PacemakerScheduler;

/** A recurring monitor that finds the resource stopped, with on-fail=ignore (as bug-5069-op-enabled). */
class FailureIgnoredTest {
  @Test
  void anIgnoredMonitorFailureLeavesTheResourceStartedWhereItWas() throws Exception {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/></nodes><resources>"
        + "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'><operations>"
        + "<op id='a-mon' name='monitor' interval='10s' on-fail='ignore'/></operations></primitive>"
        + "</resources><constraints/></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'><lrm id='1'>"
        + "<lrm_resources><lrm_resource id='a' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='a_last_0' operation_key='a_start_0' operation='start' interval='0' call-id='3' rc-code='0' "
        + "op-status='0' transition-key='1:1:0:x'/>"
        + "<lrm_rsc_op id='a_last_failure_0' operation_key='a_monitor_10000' operation='monitor' interval='10000' "
        + "call-id='4' rc-code='7' op-status='0' transition-key='2:1:0:x'/>"
        + "</lrm_resource></lrm_resources></lrm></node_state></status></cib>";
    Cib cib = CibXml.parse(xml, "test");
    var t = new PacemakerScheduler().schedule(cib, Instant.ofEpochSecond(1_600_000_000L));
    assertThat(t.summary()).isEmpty();
  }
}
