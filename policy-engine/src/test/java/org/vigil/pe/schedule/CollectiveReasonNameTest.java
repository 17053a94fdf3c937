package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;
import static org.vigil.pe.schedule.SchedulingFixture.running;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a reason names a clone that must run first: a notifying clone is "notified" (its
 * post-notification confirmed) rather than "running" (expectations from crm_simulate 2.1.5).
 */
class CollectiveReasonNameTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  /** P, then notifying clone K, then A; P is configured with {@code pMeta} and constraints {@code extra}. */
  private static List<String> summary(String pMeta, String extra, String node1, String node2) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<primitive id='P' class='ocf' provider='pacemaker' type='Dummy'>" + pMeta + "</primitive>"
        + "<clone id='K-clone'><meta_attributes id='K-m'><nvpair id='K-n' name='notify' value='true'/>"
        + "<nvpair id='K-i' name='interleave' value='true'/></meta_attributes>" + dummy("K") + "</clone>"
        + dummy("A") + "</resources><constraints>"
        + "<rsc_order id='o1' first='P' then='K-clone'/><rsc_order id='o2' first='K-clone' then='A'/>"
        + "<rsc_location id='la' rsc='A' node='node1' score='100'/>" + extra + "</constraints></configuration>"
        + "<status><node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + node1 + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='2'><lrm_resources>" + node2 + "</lrm_resources></lrm></node_state></status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void aStartBlockedByANotifyingCloneNamesItsNotification() {
    // P can run nowhere: K cannot start, so neither can A
    List<String> summary = summary("", "<rsc_location id='l1' rsc='P' node='node1' score='-INFINITY'/>"
        + "<rsc_location id='l2' rsc='P' node='node2' score='-INFINITY'/>", "", "");
    assertThat(summary).contains("* Start A ( node1 ) due to unrunnable K-clone notified (blocked)");
  }

  @Test
  void aStopForcedByANotifyingCloneNamesItsNotification() {
    // P is disabled: K stops, and so does A, which must start after K
    String disabled = "<meta_attributes id='P-m'><nvpair id='P-t' name='target-role' value='Stopped'/></meta_attributes>";
    List<String> summary = summary(disabled, "<rsc_location id='lp' rsc='P' node='node1' score='100'/>",
        running("P", 2) + running("K", 3) + running("A", 4), running("K", 5));
    assertThat(summary).contains("* Stop A ( node1 ) due to required K-clone notified");
  }
}
