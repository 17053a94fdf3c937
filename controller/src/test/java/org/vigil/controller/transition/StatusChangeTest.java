package org.vigil.controller.transition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.xml.CibXml;

class StatusChangeTest {
  private static Cib cib() throws Exception {
    return CibXml.parse("""
        <cib epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/>
          <nodes><node id="1" uname="n1"/><node id="2" uname="n2"/></nodes><resources/><constraints/></configuration>
          <status><node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member">
            <transient_attributes id="1"><instance_attributes id="status-1">
              <nvpair id="s1" name="fail-count-db#monitor_10000" value="2"/></instance_attributes></transient_attributes>
            <lrm id="1"><lrm_resources><lrm_resource id="db" class="ocf" provider="pacemaker" type="Dummy">
              <lrm_rsc_op id="db_last_0" operation_key="db_start_0" operation="start" call-id="3" rc-code="0"
                op-status="0" interval="0"/></lrm_resource></lrm_resources></lrm></node_state>
          <node_state id="2" uname="n2" in_ccm="true" crmd="online" join="member" expected="member"/></status></cib>
        """, "test");
  }

  @Test
  void aFencedNodeIsDownWithNothingRunning() throws Exception {
    NodeState s = new StatusChange.NodeFenced("n1").applyTo(cib()).status().nodeState("n1").orElseThrow();
    assertThat(s.lrmResources()).isEmpty();
    assertThat(s.transientAttributes()).isNull();
    assertThat(new String[] {s.inCcm(), s.crmd(), s.join(), s.expected()})
        .containsExactly("false", "offline", "down", "down");
  }

  @Test
  void aJoiningNodeKeepsItsMembershipButLosesItsStaleHistory() throws Exception {
    Cib before = cib();
    Cib after = new StatusChange.NodeJoined("n1").applyTo(before);
    NodeState s = after.status().nodeState("n1").orElseThrow();
    assertThat(s.lrmResources()).isEmpty();
    assertThat(s.transientAttribute("fail-count-db#monitor_10000")).isEmpty();
    assertThat(new String[] {s.inCcm(), s.crmd(), s.join(), s.expected()})
        .containsExactly("true", "online", "member", "member");
    assertThat(after.status().nodeState("n2")).isEqualTo(before.status().nodeState("n2"));
  }
}
