package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.FreshCluster.dummy;
import static org.vigil.pe.schedule.FreshCluster.group;

import org.junit.jupiter.api.Test;

/**
 * How the preferences of the resources colocated with a primary weigh on where the primary
 * goes (expectations from crm_simulate 2.1.5 on two fresh nodes; p prefers node1 a little).
 */
class DependentPreferenceTest {
  private static String location(String id, String rsc, String node, String score) {
    return "<rsc_location id='" + id + "' rsc='" + rsc + "' node='" + node + "' score='" + score + "'/>";
  }

  private static String colocation(String id, String rsc, String with, String score) {
    return "<rsc_colocation id='" + id + "' rsc='" + rsc + "' with-rsc='" + with + "' score='" + score + "'/>";
  }

  @Test
  void aDependentsBanWeighsScaledDownLikeAnyScore() {
    // d cannot run on node1: at 100/INFINITY that counts -100 for p there, not -INFINITY
    String c = location("l1", "p", "node1", "200") + location("l2", "d", "node1", "-INFINITY")
        + colocation("c1", "d", "p", "100");
    assertThat(FreshCluster.summary(2, dummy("p") + dummy("d"), c))
        .containsExactlyInAnyOrder("* Start p ( node1 )", "* Start d ( node2 )");
  }

  @Test
  void aScaledPreferenceRoundsAwayFromZero() {
    // d's 1000 on node2 at 500/INFINITY is 0.5: it counts 1, enough to break p's tie towards node2
    String c = location("l1", "p", "node1", "0") + location("l2", "d", "node2", "1000")
        + colocation("c1", "d", "p", "500");
    assertThat(FreshCluster.summary(2, dummy("p") + dummy("d"), c))
        .containsExactlyInAnyOrder("* Start p ( node2 )", "* Start d ( node2 )");
  }

  @Test
  void behindANegativeColocationAChainOfDependentsWeighsAtFullStrengthTurnedAround() {
    // d2 (placed with d1, which keeps away from p) wants node1 by 20000: p loses 20000 there
    // (its own 10000 is not enough), where d1's own 1000 alone would only have cost 1
    String c = location("l1", "p", "node1", "10000") + location("l2", "d1", "node1", "1000")
        + location("l3", "d2", "node1", "20000") + colocation("c1", "d1", "p", "-500")
        + colocation("c2", "d2", "d1", "INFINITY");
    assertThat(FreshCluster.summary(2, dummy("p") + dummy("d1") + dummy("d2"), c))
        .containsExactlyInAnyOrder("* Start p ( node2 )", "* Start d1 ( node1 )", "* Start d2 ( node1 )");
  }

  @Test
  void aGroupKeptAwayFromAPrimaryWeighsWithItsLaterMembersAtFullStrength() {
    String c = location("l1", "p", "node1", "10000") + location("l2", "d2", "node1", "20000")
        + colocation("c1", "D", "p", "-500");
    assertThat(FreshCluster.summary(2, dummy("p") + group("D", dummy("d1"), dummy("d2")), c))
        .containsExactlyInAnyOrder("* Start p ( node2 )", "* Start d1 ( node1 )", "* Start d2 ( node1 )");
  }

  @Test
  void keepingAwayFromADependentThatDislikesANodeDoesNotMakeTheNodeWanted() {
    // d dislikes node1 (-300000), d keeps away from p: that does not draw p to node1
    String c = location("l1", "p", "node2", "5") + location("l2", "d", "node1", "-300000")
        + colocation("c1", "d", "p", "-500");
    assertThat(FreshCluster.summary(2, dummy("p") + dummy("d"), c)).contains("* Start p ( node2 )");
  }

  @Test
  void aCloneWeighsWithItsOwnLocationsNotItsInstances() {
    String clone = "<clone id='C'>" + dummy("d") + "<meta_attributes id='Cm'>"
        + "<nvpair id='Cm1' name='clone-max' value='1'/></meta_attributes></clone>";
    // the clone's 100000 on node2 at 100/INFINITY is 10: more than p's 5 on node1
    String c = location("l1", "p", "node1", "5") + location("l2", "C", "node2", "100000")
        + colocation("c1", "C", "p", "100");
    assertThat(FreshCluster.summary(2, dummy("p") + clone, c))
        .containsExactlyInAnyOrder("* Start p ( node2 )", "* Start d:0 ( node2 )");
  }

  @Test
  void whatIsPlacedWithAGroupDependentDoesNotWeighOnThePrimary() {
    // h is placed with G, G with p: h's liking for node2 does not reach p (through a primitive it would)
    String viaGroup = colocation("c1", "G", "p", "INFINITY") + colocation("c2", "h", "G", "100")
        + location("l1", "h", "node2", "100");
    assertThat(FreshCluster.summary(2, dummy("p") + group("G", dummy("a"), dummy("b")) + dummy("h"), viaGroup))
        .contains("* Start p ( node1 )");
    String viaPrimitive = colocation("c1", "d", "p", "INFINITY") + colocation("c2", "h", "d", "100")
        + location("l1", "h", "node2", "100");
    assertThat(FreshCluster.summary(2, dummy("p") + dummy("d") + dummy("h"), viaPrimitive))
        .contains("* Start p ( node2 )");
  }
}
