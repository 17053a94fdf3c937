package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In which order a dependent's colocations apply (expectations from crm_simulate 2.1.5). It
 * matters because a finite colocation that would leave no node is rolled back: applied after
 * a mandatory one it may be dropped, applied before it is kept.
 */
class ColocationPrecedenceTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  /** Three fresh nodes; zz and aa prefer node1, c is placed with one and kept from the other. */
  private static List<String> summary(String resources, String withScore, String againstScore, String with,
      String against) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/><node id='3' uname='node3'/></nodes>"
        + "<resources>" + resources + dummy("c") + "</resources><constraints>"
        + "<rsc_location id='l1' rsc='zz' node='node1' score='100'/>"
        + "<rsc_location id='l2' rsc='aa' node='node1' score='50'/>"
        + "<rsc_colocation id='c1' rsc='c' with-rsc='" + with + "' score='" + withScore + "'/>"
        + "<rsc_colocation id='c2' rsc='c' with-rsc='" + against + "' score='" + againstScore + "'/>"
        + "</constraints></configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "<node_state id='2' uname='node2' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "<node_state id='3' uname='node3' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void colocationsWithPrimariesOfLowerIdApplyFirst() {
    // -100 with aa comes first while node2 and node3 are still open, so it stays: c has -100 on node1
    assertThat(summary(dummy("zz") + dummy("aa"), "INFINITY", "-100", "zz", "aa"))
        .containsExactlyInAnyOrder("* Start zz ( node1 )", "* Start aa ( node1 )");
    // with aa first, only node1 is left when -100 with zz comes: it is rolled back
    assertThat(summary(dummy("zz") + dummy("aa"), "INFINITY", "-100", "aa", "zz"))
        .containsExactlyInAnyOrder("* Start zz ( node1 )", "* Start aa ( node1 )", "* Start c ( node1 )");
  }

  @Test
  void colocationsWithGroupsApplyBeforeThoseWithPrimitives() {
    String groupZz = "<group id='zz'>" + dummy("z1") + "</group>" + dummy("aa");
    // the group zz comes before the primitive aa whatever their ids: -100 with zz stays
    assertThat(summary(groupZz, "INFINITY", "-100", "aa", "zz"))
        .containsExactlyInAnyOrder("* Start z1 ( node1 )", "* Start aa ( node1 )");
  }

  @Test
  void colocationsWithPrimariesOfHigherPriorityApplyFirst() {
    String zzFirst = "<primitive id='zz' class='ocf' provider='pacemaker' type='Dummy'><meta_attributes id='m'>"
        + "<nvpair id='m1' name='priority' value='5'/></meta_attributes></primitive>" + dummy("aa");
    // mandatory with zz first leaves node1 alone, so -100 with aa is rolled back
    assertThat(summary(zzFirst, "INFINITY", "-100", "zz", "aa"))
        .containsExactlyInAnyOrder("* Start zz ( node1 )", "* Start aa ( node1 )", "* Start c ( node1 )");
  }
}
