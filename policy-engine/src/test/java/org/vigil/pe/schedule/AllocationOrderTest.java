package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order resources are assigned in, seen through equal-score placements: each takes the
 * node with the fewest resources assigned so far, so who goes first decides who gets which.
 * With the default placement strategy that order is priority, then configuration order
 * (expectations as crm_simulate 2.1.5 prints them for the same CIBs).
 */
class AllocationOrderTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  /** Three nodes, stickiness 200; {@code runningRsc} runs on {@code runningNode}, the others are stopped. */
  private static List<String> summary(List<String> resources, String runningRsc, String runningNode, String constraints) {
    StringBuilder rscs = new StringBuilder();
    for (String r : resources) {
      rscs.append("<primitive id='").append(r).append("' class='ocf' provider='pacemaker' type='Dummy'/>");
    }
    StringBuilder status = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      String node = "node" + i;
      status.append("<node_state id='").append(i).append("' uname='").append(node)
          .append("' in_ccm='true' crmd='online' join='member' expected='member'><lrm id='").append(i)
          .append("'><lrm_resources>");
      if (node.equals(runningNode)) {
        status.append("<lrm_resource id='").append(runningRsc).append("' class='ocf' provider='pacemaker' type='Dummy'>")
            .append("<lrm_rsc_op id='x_last_0' operation_key='x_start_0' operation='start' interval='0' ")
            .append("call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'/></lrm_resource>");
      }
      status.append("</lrm_resources></lrm></node_state>");
    }
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/><node id='3' uname='node3'/></nodes>"
        + "<resources>" + rscs + "</resources><constraints>" + constraints + "</constraints>"
        + "<rsc_defaults><meta_attributes id='d'><nvpair id='d1' name='resource-stickiness' value='200'/>"
        + "</meta_attributes></rsc_defaults></configuration><status>" + status + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  @Test
  void aStoppedResourceConfiguredFirstIsAssignedBeforeOneThatStaysWhereItRuns() {
    // p takes node1 while all are empty; a then stays on node1 with its stickiness
    assertThat(summary(List.of("p", "a"), "a", "node1", "")).containsExactly("* Start p ( node1 )");
  }

  @Test
  void aResourceBannedWhereItRunsIsAssignedInConfigurationOrderLikeAStoppedOne() {
    String ban = "<rsc_location id='l' rsc='a' node='node3' score='-INFINITY'/>";
    // a comes first: it takes node1, b the next empty node
    assertThat(summary(List.of("a", "b"), "a", "node3", ban))
        .containsExactly("* Move a ( node3 -> node1 )", "* Start b ( node2 )");
    // b comes first: it takes node1, a the next empty node
    assertThat(summary(List.of("b", "a"), "a", "node3", ban))
        .containsExactly("* Start b ( node1 )", "* Move a ( node3 -> node2 )");
  }

  @Test
  void aNegativeScoreWhereItRunsDoesNotDelayItsAssignment() {
    // stickiness 200 and -300: -100 where it runs; still assigned before b, in configuration order
    String dislike = "<rsc_location id='l' rsc='a' node='node3' score='-300'/>";
    assertThat(summary(List.of("a", "b"), "a", "node3", dislike))
        .containsExactly("* Move a ( node3 -> node1 )", "* Start b ( node2 )");
  }

  @Test
  void aResourceStaysWhereItRunsWhenAnotherNodeOnlyTiesWithAPositiveScore() {
    // b takes node3 first; a ties at 200 on node3 (stickiness) and node1 (location), where
    // fewer resources are assigned, and still stays
    String c = "<rsc_location id='l1' rsc='b' node='node3' score='1000'/>"
        + "<rsc_location id='l2' rsc='a' node='node1' score='200'/>";
    assertThat(summary(List.of("b", "a"), "a", "node3", c)).containsExactly("* Start b ( node3 )");
  }
}
