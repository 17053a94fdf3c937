package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.AllocationScores;
import org.vigil.pe.PacemakerScheduler;
import org.vigil.pe.Transition;
import org.vigil.pe.status.ClusterStatus;

/**
 * The scores {@code crm simulate -s} shows, on two nodes with nothing running: the lines and
 * their order are those crm_simulate 2.1.5 prints for the same CIBs.
 */
class AllocationScoresTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static String cib(String resources, String constraints) {
    return "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints>" + constraints + "</constraints></configuration>"
        + "<status>" + online("1", "node1") + online("2", "node2") + "</status></cib>";
  }

  private static String online(String id, String name) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='true' crmd='online' join='member' "
        + "expected='member'/>";
  }

  private record Scheduled(List<String> scores, Transition transition) {}

  private static Scheduled schedule(String xml) {
    try {
      AllocationScores scores = new AllocationScores();
      Transition t = new PacemakerScheduler().schedule(ClusterStatus.unpack(CibXml.parse(xml, "test"), NOW), scores);
      return new Scheduled(scores.lines(), t);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aPrimitiveTakesInItsLocationAndItsDependentsPreferenceScaledByTheColocation() {
    String xml = cib(dummy("a") + dummy("b"), "<rsc_location id='a2' rsc='a' node='node2' score='50'/>"
        + "<rsc_location id='b1' rsc='b' node='node1' score='20'/>"
        + "<rsc_colocation id='ba' rsc='b' with-rsc='a' score='100'/>");
    // a: its 50 on node2, and b's 20 on node1 at 100/INFINITY, which still counts 1;
    // b: its own 20 on node1, and 100 where a went
    assertThat(schedule(xml).scores()).containsExactly(
        "pcmk__primitive_assign: a allocation score on node1: 1",
        "pcmk__primitive_assign: a allocation score on node2: 50",
        "pcmk__primitive_assign: b allocation score on node1: 20",
        "pcmk__primitive_assign: b allocation score on node2: 100");
  }

  @Test
  void aGroupShowsItsOwnAndItsMembersScoresThenEachMemberFollowsTheOneBefore() {
    String xml = cib("<group id='g'>" + dummy("m1") + dummy("m2") + "</group>" + dummy("c"),
        "<rsc_location id='g2' rsc='g' node='node2' score='10'/>"
            + "<rsc_colocation id='apart' rsc='c' with-rsc='g' score='-INFINITY'/>");
    assertThat(schedule(xml).scores()).containsExactly(
        "pcmk__group_assign: g allocation score on node1: 0",
        "pcmk__group_assign: g allocation score on node2: 10",
        "pcmk__group_assign: m1 allocation score on node1: 0",
        "pcmk__group_assign: m1 allocation score on node2: 10",
        "pcmk__group_assign: m2 allocation score on node1: 0",
        "pcmk__group_assign: m2 allocation score on node2: 0",
        "pcmk__primitive_assign: m1 allocation score on node1: 0",
        "pcmk__primitive_assign: m1 allocation score on node2: 10",
        "pcmk__primitive_assign: m2 allocation score on node1: -INFINITY",
        "pcmk__primitive_assign: m2 allocation score on node2: 0",
        "pcmk__primitive_assign: c allocation score on node1: 0",
        "pcmk__primitive_assign: c allocation score on node2: -INFINITY");
  }

  @Test
  void recordingTheScoresChangesNoPlacement() {
    String xml = cib(dummy("a") + dummy("b"), "<rsc_location id='a2' rsc='a' node='node2' score='50'/>"
        + "<rsc_colocation id='ba' rsc='b' with-rsc='a' score='-100'/>");
    assertThat(schedule(xml).transition()).isEqualTo(SchedulingFixture.transition(xml, NOW));
  }

  @Test
  void aWishToBeWithAResourceLeftWithoutANodeKeepsOffEveryNode() {
    String xml = cib(dummy("a") + dummy("b"), "<rsc_location id='a1' rsc='a' node='node1' score='-INFINITY'/>"
        + "<rsc_location id='a2' rsc='a' node='node2' score='-INFINITY'/>"
        + "<rsc_location id='b1' rsc='b' node='node1' score='200'/>"
        + "<rsc_colocation id='ba' rsc='b' with-rsc='a' score='100'/>");
    // b loses the colocation's 100 everywhere (kept, as node1 still scores 0 or more)
    assertThat(schedule(xml).scores()).containsExactly(
        "pcmk__primitive_assign: a allocation score on node1: -INFINITY",
        "pcmk__primitive_assign: a allocation score on node2: -INFINITY",
        "pcmk__primitive_assign: b allocation score on node1: 100",
        "pcmk__primitive_assign: b allocation score on node2: -100");
  }
}
