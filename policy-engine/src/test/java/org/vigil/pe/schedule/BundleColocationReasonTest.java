package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What must run with a bundle none of whose containers can be placed (expectations from crm_simulate 2.1.5). */
class BundleColocationReasonTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static String record(String rsc, String provider, String type) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='" + provider + "' type='" + type + "'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_start_0' operation='start' interval='0' "
        + "call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x' op-digest='f2317cad3d54cec5d7d7aa7d0bf35cf8'/>"
        + "</lrm_resource>";
  }

  @Test
  void thePrimitiveOfABundleWithAnUnplacedBundleIsStoppedForTheColocationWithItsContainer() {
    // node1, the only node, is in standby: nothing can be placed, but app's primitive is
    // assigned its guest node all the same, and stops because of the bundle it must run with
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'><instance_attributes id='n1'>"
        + "<nvpair id='sb' name='standby' value='on'/></instance_attributes></node></nodes><resources>"
        + "<bundle id='front'><docker image='haproxy'/></bundle>"
        + "<bundle id='app'><docker image='rabbit'/><network control-port='3121'/>"
        + "<primitive id='appd' class='ocf' provider='heartbeat' type='apache'/></bundle></resources>"
        + "<constraints><rsc_colocation id='c' rsc='app' with-rsc='front' score='INFINITY'/></constraints>"
        + "</configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + record("front-docker-0", "heartbeat", "docker")
        + record("app-docker-0", "heartbeat", "docker") + record("app-0", "pacemaker", "remote")
        + "</lrm_resources></lrm></node_state>"
        + "<node_state id='app-0' uname='app-0' remote_node='true' in_ccm='true'><lrm id='app-0'><lrm_resources>"
        + record("appd", "heartbeat", "apache") + "</lrm_resources></lrm></node_state></status></cib>";
    List<String> summary = SchedulingFixture.summary(xml, NOW);
    assertThat(summary).containsExactlyInAnyOrder("* Stop front-docker-0 ( node1 ) due to node availability",
        "* Stop app-docker-0 ( node1 ) due to node availability", "* Stop app-0 ( node1 ) due to node availability",
        "* Stop appd:0 ( app-0 ) due to colocation with front-docker-0");
  }
}
