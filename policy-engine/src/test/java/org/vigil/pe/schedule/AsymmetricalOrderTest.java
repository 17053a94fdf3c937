package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.running;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A symmetrical="false" order after a resource that cannot start (expectations from crm_simulate 2.1.5). */
class AsymmetricalOrderTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);
  private static final String RESOURCES = "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'>"
      + "<meta_attributes id='am'><nvpair id='am1' name='target-role' value='Stopped'/></meta_attributes></primitive>"
      + "<primitive id='b' class='ocf' provider='pacemaker' type='Dummy'/>";

  /** One node, a (target-role Stopped) ordered before b, everything in {@code lrm} running. */
  private static List<String> summary(String symmetrical, String lrm) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/></nodes><resources>" + RESOURCES + "</resources><constraints>"
        + "<rsc_order id='o1' first='a' then='b' symmetrical='" + symmetrical + "'/></constraints></configuration>"
        + "<status><node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state></status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void aRunningThenIsNotStoppedForAFirstThatCannotStart() {
    assertThat(summary("false", running("a", 2) + running("b", 3)))
        .containsExactly("* Stop a ( node1 ) due to node availability");
  }

  @Test
  void aSymmetricalOrderStopsTheThenToo() {
    assertThat(summary("true", running("a", 2) + running("b", 3))).contains("* Stop a ( node1 ) due to node availability")
        .anyMatch(l -> l.startsWith("* Stop b ( node1 )"));
  }

  @Test
  void aStoppedThenStillWaitsForTheFirst() {
    assertThat(summary("false", running("a", 2)))
        .containsExactly("* Stop a ( node1 ) due to node availability",
            "* Start b ( node1 ) due to unrunnable a start (blocked)");
  }
}
