package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.FreshCluster.dummy;
import static org.vigil.pe.schedule.FreshCluster.group;
import static org.vigil.pe.schedule.FreshCluster.stopped;

import org.junit.jupiter.api.Test;

/** A colocation with a group that only partly runs (expectations from crm_simulate 2.1.5). */
class GroupAsPrimaryTest {
  private static final String PARTLY_RUNNING = group("G", dummy("a"), dummy("b"), stopped("x")) + dummy("c");
  private static final String G_ON_NODE1 = "<rsc_location id='l1' rsc='G' node='node1' score='INFINITY'/>";

  @Test
  void aMandatoryColocationWithAGroupNeedsItsLastMember() {
    String c = G_ON_NODE1 + "<rsc_colocation id='c1' rsc='c' with-rsc='G' score='INFINITY'/>";
    assertThat(FreshCluster.summary(3, PARTLY_RUNNING, c))
        .containsExactlyInAnyOrder("* Start a ( node1 )", "* Start b ( node1 )");
  }

  @Test
  void aFiniteColocationWithAGroupFollowsItsFirstMember() {
    String c = G_ON_NODE1 + "<rsc_colocation id='c1' rsc='c' with-rsc='G' score='100'/>";
    assertThat(FreshCluster.summary(3, PARTLY_RUNNING, c))
        .containsExactlyInAnyOrder("* Start a ( node1 )", "* Start b ( node1 )", "* Start c ( node1 )");
  }

  @Test
  void aMandatoryAntiColocationWithAGroupKeepsAwayFromItsFirstMember() {
    String c = G_ON_NODE1 + "<rsc_location id='l2' rsc='c' node='node1' score='100'/>"
        + "<rsc_colocation id='c1' rsc='c' with-rsc='G' score='-INFINITY'/>";
    assertThat(FreshCluster.summary(3, PARTLY_RUNNING, c))
        .containsExactlyInAnyOrder("* Start a ( node1 )", "* Start b ( node1 )", "* Start c ( node2 )");
  }
}
