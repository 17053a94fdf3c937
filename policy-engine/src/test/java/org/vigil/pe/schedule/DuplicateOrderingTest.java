package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two order constraints between the same actions: the first one counts (crm_simulate 2.1.5). */
class DuplicateOrderingTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  /** a starts on node2 while b runs on node1; a then b, twice, of the given kinds. */
  private static List<String> summary(String firstKind, String secondKind) {
    String b = "<lrm_resource id='b' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='b_last_0' operation_key='b_start_0' operation='start' interval='0' call-id='2' "
        + "rc-code='0' op-status='0' transition-key='1:1:0:x'/></lrm_resource>";
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + FreshCluster.dummy("a") + FreshCluster.dummy("b") + "</resources><constraints>"
        + "<rsc_location id='l1' rsc='a' node='node2' score='10'/>"
        + "<rsc_order id='o1' first='a' then='b' kind='" + firstKind + "'/>"
        + "<rsc_order id='o2' first='a' then='b' kind='" + secondKind + "'/></constraints></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + b + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void aLaterMandatoryOrderingBetweenTheSameActionsIsIgnored() {
    assertThat(summary("Optional", "Mandatory")).containsExactly("* Start a ( node2 )");
  }

  @Test
  void aLaterOptionalOrderingDoesNotWeakenAnEarlierMandatoryOne() {
    assertThat(summary("Mandatory", "Optional"))
        .containsExactlyInAnyOrder("* Start a ( node2 )", "* Restart b ( node1 ) due to required a start");
  }
}
