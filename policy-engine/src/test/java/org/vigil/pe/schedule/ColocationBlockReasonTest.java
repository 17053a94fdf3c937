package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;
import static org.vigil.pe.schedule.SchedulingFixture.running;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chain K-clone (disabled) then A, then B with A, then C with B (each ordered after and
 * colocated with the one before): whether a start is blocked "due to colocation with" the one
 * before it or by that one's ordering. Expectations from crm_simulate 2.1.5.
 */
class ColocationBlockReasonTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static List<String> summary(String lrm1) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<clone id='K-clone'><meta_attributes id='K-m'><nvpair id='K-t' name='target-role' value='Stopped'/>"
        + "</meta_attributes>" + dummy("K") + "</clone>" + dummy("A") + dummy("B") + dummy("C")
        + "</resources><constraints>"
        + "<rsc_order id='o1' first='K-clone' then='A'/>"
        + "<rsc_order id='o2' first='A' then='B'/><rsc_colocation id='c2' rsc='B' with-rsc='A' score='INFINITY'/>"
        + "<rsc_order id='o3' first='B' then='C'/><rsc_colocation id='c3' rsc='C' with-rsc='B' score='INFINITY'/>"
        + "</constraints></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + running("K", 2) + lrm1 + "</lrm_resources></lrm></node_state>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='2'><lrm_resources>" + running("K", 3) + "</lrm_resources></lrm></node_state></status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void aRestartBlockedByACloneIsFollowedThroughItsOrderingsBeforeItsColocationsAreBlocked() {
    // A cannot restart: B, staying put, is required by that restart; C was blocked with B first
    assertThat(summary(running("A", 10) + running("B", 11) + running("C", 12))).contains(
        "* Stop A ( node1 ) due to unrunnable K-clone running", "* Stop B ( node1 ) due to required A start",
        "* Stop C ( node1 ) due to colocation with B");
  }

  @Test
  void aStartingResourceAfterARestartReadsTheUnrunnableStart() {
    assertThat(summary(running("A", 10))).contains("* Stop A ( node1 ) due to unrunnable K-clone running",
        "* Start B ( node1 ) due to unrunnable A start (blocked)",
        "* Start C ( node1 ) due to colocation with B (blocked)");
  }

  @Test
  void withNothingRunningEachStartIsBlockedByItsColocation() {
    assertThat(summary("")).contains("* Start A ( node1 ) due to unrunnable K-clone running (blocked)",
        "* Start B ( node1 ) due to colocation with A (blocked)",
        "* Start C ( node1 ) due to colocation with B (blocked)");
  }
}
