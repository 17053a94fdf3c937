package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A group's meta attributes {@code ordered} and {@code collocated}: false drops the ordering,
 * or the colocation, of each member after the one before it (expectations from crm_simulate 2.1.5).
 */
class GroupOptionsTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  /** Group g of a, b, c on two fresh nodes; a can run nowhere, c prefers node2. */
  private static List<String> summary(boolean ordered, boolean collocated) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<group id='g'><meta_attributes id='gm'><nvpair id='go' name='ordered' value='" + ordered + "'/>"
        + "<nvpair id='gc' name='collocated' value='" + collocated + "'/></meta_attributes>"
        + dummy("a") + dummy("b") + dummy("c") + "</group></resources><constraints>"
        + "<rsc_location id='l1' rsc='a' node='node1' score='-INFINITY'/>"
        + "<rsc_location id='l2' rsc='a' node='node2' score='-INFINITY'/>"
        + "<rsc_location id='l3' rsc='c' node='node2' score='50'/></constraints></configuration>"
        + "<status><node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void membersOfAnOrderedCollocatedGroupCannotRunWithoutTheFirst() {
    assertThat(summary(true, true)).isEmpty();
    assertThat(summary(false, true)).isEmpty();
  }

  @Test
  void membersOfAnUncollocatedGroupArePlacedOnTheirOwnButStillWaitForTheMemberBefore() {
    assertThat(summary(true, false)).containsExactly("* Start b ( node1 ) due to unrunnable a start (blocked)",
        "* Start c ( node2 ) due to unrunnable b start (blocked)");
  }

  @Test
  void membersOfAnUnorderedUncollocatedGroupStartOnTheirOwn() {
    assertThat(summary(false, false)).containsExactly("* Start b ( node1 )", "* Start c ( node2 )");
  }
}
