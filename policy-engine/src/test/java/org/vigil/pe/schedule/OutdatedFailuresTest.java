package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A fail count earned by an operation that ran with other parameters than the resource has now
 * is not held against the node (as bug-5025-4).
 */
class OutdatedFailuresTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);
  /** The digest of a Dummy without parameters, as Pacemaker records it. */
  private static final String CURRENT = "f2317cad3d54cec5d7d7aa7d0bf35cf8";
  private static final String OLD = "0123456789abcdef0123456789abcdef";

  private static String cib(String failedStartDigest) {
    return "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<primitive id='d' class='ocf' provider='pacemaker' type='Dummy'/></resources>"
        + "<constraints><rsc_location id='prefer' rsc='d' node='node1' score='100'/></constraints></configuration>"
        + "<status><node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<transient_attributes id='1'><instance_attributes id='a1'>"
        + "<nvpair id='fc' name='fail-count-d' value='INFINITY'/><nvpair id='lf' name='last-failure-d' value='1000'/>"
        + "</instance_attributes></transient_attributes><lrm id='1'><lrm_resources>"
        + "<lrm_resource id='d' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='d_last_failure_0' operation_key='d_start_0' operation='start' interval='0' call-id='2' "
        + "rc-code='1' op-status='4' transition-key='1:1:0:x' op-digest='" + failedStartDigest + "'/>"
        + "<lrm_rsc_op id='d_last_0' operation_key='d_stop_0' operation='stop' interval='0' call-id='3' rc-code='0' "
        + "op-status='0' transition-key='2:1:0:x'/>"
        + "</lrm_resource></lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "</status></cib>";
  }

  @Test
  void aFailureUnderTheCurrentParametersKeepsTheResourceOffTheNode() {
    assertThat(SchedulingFixture.summary(cib(CURRENT), NOW)).containsExactly("* Start d ( node2 )");
  }

  @Test
  void aFailureUnderParametersChangedSinceNoLongerCounts() {
    assertThat(SchedulingFixture.summary(cib(OLD), NOW)).containsExactly("* Start d ( node1 )");
  }
}
