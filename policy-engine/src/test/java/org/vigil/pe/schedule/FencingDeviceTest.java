package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A fencing device found running on a node that is about to be fenced and on a healthy one is
 * not multiply active: fencing ends the copy (as multiply-active-stonith; crm_simulate 2.1.5).
 */
class FencingDeviceTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);
  private static final String DIGEST = "f2317cad3d54cec5d7d7aa7d0bf35cf8";

  private static String history(String rsc, String agent, String task, int rc) {
    return "<lrm_resource id='" + rsc + "' " + agent + "><lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc
        + "_" + task + "_0' operation='" + task + "' interval='0' call-id='2' rc-code='" + rc + "' op-status='0' "
        + "transition-key='1:1:0:x' op-digest='" + DIGEST + "'/></lrm_resource>";
  }

  private static String member(String id, String lrm) {
    return "<node_state id='" + id + "' uname='node" + id + "' in_ccm='true' crmd='online' join='member' "
        + "expected='member'><lrm id='" + id + "'><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state>";
  }

  @Test
  void aFencingDeviceAlsoRunningOnANodeBeingFencedStaysWhereItIsHealthy() {
    String fencer = "class='stonith' type='fence_xvm'";
    String dummy = "class='ocf' provider='pacemaker' type='Dummy'";
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='se' name='stonith-enabled' value='true'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<primitive id='f' " + fencer + "/><primitive id='d' " + dummy + "/></resources><constraints/>"
        + "</configuration><status>" + member("1", history("f", fencer, "start", 0))
        + member("2", history("f", fencer, "start", 0) + history("d", dummy, "stop", 1)) + "</status></cib>";
    assertThat(SchedulingFixture.summary(xml, NOW)).containsExactly(
        "* Fence (reboot) node2 'd failed there'", "* Recover d ( node2 -> node1 )");
  }
}
