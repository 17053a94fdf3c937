package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A bundle with container-attribute-target=host reads its replicas' promotion scores on the
 * node their container runs on (as nested-remote-recovery; crm_simulate 2.1.5 agrees on the
 * roles).
 */
class BundlePromotionTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static String started(String id, String agent, String extra) {
    return "<lrm_resource id='" + id + "' " + agent + extra + "><lrm_rsc_op id='" + id + "_last_0' operation_key='"
        + id + "_start_0' operation='start' interval='0' call-id='2' rc-code='0' op-status='0' "
        + "transition-key='1:1:0:x'/></lrm_resource>";
  }

  private static String cib(String target) {
    return "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='se' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/></nodes><resources><bundle id='db'><meta_attributes id='db-m'>"
        + "<nvpair id='db-t' name='container-attribute-target' value='" + target + "'/></meta_attributes>"
        + "<docker image='galera' replicas='1' promoted-max='1'/><network control-port='3123'/>"
        + "<primitive id='galera' class='ocf' provider='heartbeat' type='galera'/></bundle></resources>"
        + "<constraints/></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<transient_attributes id='1'><instance_attributes id='a1'>"
        + "<nvpair id='a1m' name='master-galera' value='100'/></instance_attributes></transient_attributes>"
        + "<lrm id='1'><lrm_resources>"
        + started("db-docker-0", "class='ocf' provider='heartbeat' type='docker'", "")
        + started("db-0", "class='ocf' provider='pacemaker' type='remote'", " container='db-docker-0'")
        + "</lrm_resources></lrm></node_state>"
        + "<node_state id='db-0' uname='db-0' remote_node='true' in_ccm='true'><lrm id='db-0'><lrm_resources>"
        + started("galera", "class='ocf' provider='heartbeat' type='galera'", "")
        + "</lrm_resources></lrm></node_state></status></cib>";
  }

  @Test
  void aReplicaTakesItsPromotionScoreFromItsContainersHostWhenTheBundleSaysSo() {
    assertThat(SchedulingFixture.summary(cib("host"), NOW))
        .containsExactly("* Promote galera:0 ( Unpromoted -> Promoted db-0 )");
    assertThat(SchedulingFixture.summary(cib("default"), NOW)).isEmpty();
  }
}
