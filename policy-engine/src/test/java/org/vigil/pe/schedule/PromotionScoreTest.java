package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a promotable clone's instances get their promotion from (expectations from crm_simulate 2.1.5). */
class PromotionScoreTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  @Test
  void aPromotedInstanceWithoutAnyPromotionScoreIsDemoted() {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='se' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/></nodes><resources>"
        + "<clone id='ms'><meta_attributes id='m'><nvpair id='p' name='promotable' value='true'/></meta_attributes>"
        + "<primitive id='s' class='ocf' provider='pacemaker' type='Stateful'/></clone>"
        + "</resources><constraints/></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'><lrm id='1'>"
        + "<lrm_resources><lrm_resource id='s' class='ocf' provider='pacemaker' type='Stateful'>"
        + "<lrm_rsc_op id='s_start_0' operation='start' interval='0' call-id='2' rc-code='0' op-status='0' "
        + "transition-key='1:1:0:x' op-digest='f2317cad3d54cec5d7d7aa7d0bf35cf8'/>"
        + "<lrm_rsc_op id='s_promote_0' operation='promote' interval='0' call-id='3' rc-code='0' op-status='0' "
        + "transition-key='2:1:0:x' op-digest='f2317cad3d54cec5d7d7aa7d0bf35cf8'/>"
        + "</lrm_resource></lrm_resources></lrm></node_state></status></cib>";
    assertThat(SchedulingFixture.summary(xml, NOW)).containsExactly("* Demote s:0 ( Promoted -> Unpromoted node1 )");
  }
}
