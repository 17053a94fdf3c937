package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which node each clone instance gets, and which instance is promoted, on small clusters of
 * idle nodes (each rule checked against crm_simulate 2.1.5 on the same CIB).
 */
class ClonePlacementTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  /**
   * The summary for {@code nodes} online nodes (node1..nodeN); {@code state} holds what the
   * first nodes' node_state elements contain (see {@link #state}).
   */
  static List<String> summary(int nodes, String resources, String constraints, String... state) {
    return summaryWithStandby(nodes, 0, resources, constraints, state);
  }

  /** As {@link #summary}, with node {@code standby} (1-based; 0 for none) in standby. */
  static List<String> summaryWithStandby(int nodes, int standby, String resources, String constraints,
      String... state) {
    StringBuilder nodeXml = new StringBuilder();
    StringBuilder status = new StringBuilder();
    for (int i = 1; i <= nodes; i++) {
      nodeXml.append("<node id='").append(i).append("' uname='node").append(i).append("'>");
      if (i == standby) {
        nodeXml.append("<instance_attributes id='n").append(i).append("'><nvpair id='n").append(i)
            .append("-standby' name='standby' value='on'/></instance_attributes>");
      }
      nodeXml.append("</node>");
      String content = i <= state.length ? state[i - 1] : "<lrm id='" + i + "'/>";
      status.append("<node_state id='").append(i).append("' uname='node").append(i)
          .append("' in_ccm='true' crmd='online' join='member' expected='member'>").append(content)
          .append("</node_state>");
    }
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/></cluster_property_set></crm_config>"
        + "<nodes>" + nodeXml + "</nodes><resources>" + resources + "</resources><constraints>" + constraints
        + "</constraints></configuration><status>" + status + "</status></cib>";
    return SchedulingFixture.summary(xml, NOW);
  }

  /** A node's state: its transient attributes (name, value pairs) and resource histories. */
  static String state(String node, String[] attributes, String... histories) {
    StringBuilder a = new StringBuilder();
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      a.append("<nvpair id='").append(node).append("-").append(attributes[i]).append("' name='")
          .append(attributes[i]).append("' value='").append(attributes[i + 1]).append("'/>");
    }
    return "<transient_attributes id='" + node + "'><instance_attributes id='" + node + "-ta'>" + a
        + "</instance_attributes></transient_attributes><lrm id='" + node + "'><lrm_resources>"
        + String.join("", histories) + "</lrm_resources></lrm>";
  }

  static String[] attrs(String... nameValue) {
    return nameValue;
  }

  static String clone(String id, String... meta) {
    StringBuilder m = new StringBuilder();
    for (int i = 0; i + 1 < meta.length; i += 2) {
      m.append("<nvpair id='").append(id).append("-").append(meta[i]).append("' name='").append(meta[i])
          .append("' value='").append(meta[i + 1]).append("'/>");
    }
    return "<clone id='" + id + "-clone'><meta_attributes id='" + id + "-m'>" + m + "</meta_attributes>"
        + "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'/></clone>";
  }

  static String location(String rsc, String node, String score) {
    return "<rsc_location id='loc-" + rsc + "-" + node + "' rsc='" + rsc + "' node='" + node + "' score='" + score
        + "'/>";
  }

  static String colocation(String dependent, String primary, String score) {
    return "<rsc_colocation id='col-" + dependent + "-" + primary + "' rsc='" + dependent + "' with-rsc='" + primary
        + "' score='" + score + "'/>";
  }

  @Test
  void aDependentPullsTheInstancesOfACloneThatCannotRunEverywhere() {
    String resources = clone("A", "clone-max", "2") + clone("B", "clone-max", "3");
    String constraints = colocation("B-clone", "A-clone", "INFINITY") + location("B-clone", "node3", "100")
        + location("B-clone", "node4", "50");
    assertThat(summary(4, resources, constraints)).containsExactly("* Start A:0 ( node3 )", "* Start A:1 ( node4 )",
        "* Start B:0 ( node3 )", "* Start B:1 ( node4 )");
  }

  @Test
  void aDependentDoesNotReorderTheInstancesOfACloneThatRunsEverywhere() {
    String resources = clone("A", "clone-max", "4") + clone("B", "clone-max", "3");
    String constraints = colocation("B-clone", "A-clone", "INFINITY") + location("B-clone", "node3", "100")
        + location("B-clone", "node4", "50");
    assertThat(summary(4, resources, constraints)).containsExactly("* Start A:0 ( node1 )", "* Start A:1 ( node2 )",
        "* Start A:2 ( node3 )", "* Start A:3 ( node4 )", "* Start B:0 ( node3 )", "* Start B:1 ( node4 )",
        "* Start B:2 ( node1 )");
  }

  static String promotable(String id, String... meta) {
    StringBuilder m = new StringBuilder("<nvpair id='" + id + "-promotable' name='promotable' value='true'/>");
    for (int i = 0; i + 1 < meta.length; i += 2) {
      m.append("<nvpair id='").append(id).append("-").append(meta[i]).append("' name='").append(meta[i])
          .append("' value='").append(meta[i + 1]).append("'/>");
    }
    return "<clone id='" + id + "-clone'><meta_attributes id='" + id + "-m'>" + m + "</meta_attributes>"
        + "<primitive id='" + id + "' class='ocf' provider='pacemaker' type='Stateful'/></clone>";
  }

  /** A Stateful resource's history whose last operation succeeded: a start, or a promote. */
  static String stateful(String rsc, String lastOp) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Stateful'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_" + lastOp + "_0' operation='" + lastOp
        + "' interval='0' call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'"
        + " op-digest='f2317cad3d54cec5d7d7aa7d0bf35cf8'/></lrm_resource>";
  }

  private static final String PROMOTE_S_THEN_START_A =
      "<rsc_order id='ord' first='S-clone' first-action='promote' then='A-clone' then-action='start'/>";

  @Test
  void whatFollowsAPromotionWaitsWhenNoInstanceCanBePromoted() {
    assertThat(summary(2, promotable("S") + clone("A"), PROMOTE_S_THEN_START_A)).containsExactly(
        "* Start S:0 ( node1 )", "* Start S:1 ( node2 )",
        "* Start A:0 ( node1 ) due to unrunnable S-clone promoted (blocked)",
        "* Start A:1 ( node2 ) due to unrunnable S-clone promoted (blocked)");
  }

  @Test
  void whatFollowsAPromotionProceedsWhenAnInstanceStaysPromoted() {
    String[] states = {
        state("node1", attrs("master-S", "10"), stateful("S", "promote")),
        state("node2", attrs("master-S", "5"), stateful("S", "start"))};
    assertThat(summary(3, promotable("S") + clone("A"), PROMOTE_S_THEN_START_A, states)).containsExactly(
        "* Start S:2 ( node3 )", "* Start A:0 ( node1 )", "* Start A:1 ( node2 )", "* Start A:2 ( node3 )");
  }

  /** A Dummy resource's history: started successfully. */
  static String started(String rsc) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_start_0' operation='start'"
        + " interval='0' call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'"
        + " op-digest='f2317cad3d54cec5d7d7aa7d0bf35cf8'/></lrm_resource>";
  }

  @Test
  void aRunningInstanceMovesToABetterNode() {
    String[] states = {state("node1", attrs(), started("A"))};
    assertThat(summary(3, clone("A", "clone-max", "1"), location("A-clone", "node2", "100"), states))
        .containsExactly("* Move A:0 ( node1 -> node2 )");
  }

  @Test
  void theInstanceAlreadyOnTheOnlyAllowedNodeKeepsIt() {
    String[] states = {state("node1", attrs(), started("A")), state("node2", attrs(), started("A"))};
    String resources = "<primitive id='P' class='ocf' provider='pacemaker' type='Dummy'/>" + clone("A");
    assertThat(summary(2, resources, location("P", "node2", "100") + colocation("A-clone", "P", "INFINITY"), states))
        .containsExactly("* Start P ( node2 )", "* Stop A:0 ( node1 ) due to node availability");
  }

  @Test
  void anInstanceStaysOnItsNodeWhenOtherNodesOnlyTieWithItAtZero() {
    String[] states = {state("node1", attrs()), state("node2", attrs(), started("A"))};
    String resources = clone("A", "clone-max", "1", "resource-stickiness", "0");
    assertThat(summary(3, resources, "", states)).isEmpty();
  }

  @Test
  void runningInstancesKeepTheirNodeOnlyUpToAnEvenShareOfCloneMax() {
    String[] states = {state("node1", attrs(), started("A:0"), started("A:1"), started("A:2"))};
    String resources = clone("A", "clone-max", "3", "clone-node-max", "3", "globally-unique", "true",
        "resource-stickiness", "0");
    assertThat(summary(2, resources, "", states)).containsExactly("* Move A:1 ( node1 -> node2 )");
  }

  @Test
  void aStoppedInstanceGoesWhereItsPromotionScoreIsBest() {
    String[] states = {state("node1", attrs()), state("node2", attrs()), state("node3", attrs("master-S", "10"))};
    assertThat(summary(3, promotable("S", "clone-max", "1"), "", states))
        .containsExactly("* Promote S:0 ( Stopped -> Promoted node3 )");
  }

  @Test
  void aStoppedInstanceWithBetterScoresIsPlacedBeforeOneLeavingAStandbyNode() {
    String[] states = {state("node1", attrs(), stateful("S", "start")), state("node2", attrs()),
        state("node3", attrs("master-S", "5"))};
    assertThat(summaryWithStandby(3, 1, promotable("S", "clone-max", "2", "resource-stickiness", "0"), "", states))
        .containsExactly("* Move S:0 ( node1 -> node2 Unpromoted )", "* Promote S:1 ( Stopped -> Promoted node3 )");
  }

  @Test
  void aResourcePlacedWithAPromotableCloneInAnyRolePullsThePromotion() {
    String[] states = {state("node1", attrs("master-S", "10"), stateful("S", "promote")),
        state("node2", attrs("master-S", "5"), stateful("S", "start")),
        state("node3", attrs("master-S", "5"), stateful("S", "start"))};
    String resources = promotable("S") + "<primitive id='P' class='ocf' provider='pacemaker' type='Dummy'/>";
    assertThat(summary(3, resources, colocation("P", "S-clone", "INFINITY") + location("P", "node2", "100"), states))
        .containsExactly("* Demote S:0 ( Promoted -> Unpromoted node1 )",
            "* Promote S:1 ( Unpromoted -> Promoted node2 )", "* Start P ( node2 )");
  }

  @Test
  void aLocationOfThePromotableCloneWithoutRoleCountsTowardsPromotion() {
    String[] states = {state("node1", attrs("master-S", "10"), stateful("S", "promote")),
        state("node2", attrs("master-S", "5"), stateful("S", "start")),
        state("node3", attrs("master-S", "5"), stateful("S", "start"))};
    assertThat(summary(3, promotable("S"), location("S-clone", "node2", "100"), states)).containsExactly(
        "* Demote S:0 ( Promoted -> Unpromoted node1 )", "* Promote S:1 ( Unpromoted -> Promoted node2 )");
  }

  @Test
  void aNegativeLocationOfTheCloneOutweighsAnInstancesStickiness() {
    String[] states = {state("node1", attrs(), started("A")), state("node2", attrs(), started("A"))};
    assertThat(summary(2, clone("A", "resource-stickiness", "100"), location("A-clone", "node2", "-50"), states))
        .containsExactly("* Stop A:1 ( node2 ) due to node availability");
  }

  /** A Dummy resource that started, then failed its 10s monitor. */
  static String failed(String rsc) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_start_0' operation='start'"
        + " interval='0' call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'"
        + " op-digest='f2317cad3d54cec5d7d7aa7d0bf35cf8'/>"
        + "<lrm_rsc_op id='" + rsc + "_monitor_10000' operation_key='" + rsc + "_monitor_10000' operation='monitor'"
        + " interval='10000' call-id='3' rc-code='1' op-status='0' transition-key='2:1:0:x'/></lrm_resource>";
  }

  @Test
  void aFailedInstanceIsPlacedAfreshAndRecoversOnTheLessLoadedNode() {
    String[] states = {state("node1", attrs(), started("X"), failed("A"))};
    String resources = "<primitive id='X' class='ocf' provider='pacemaker' type='Dummy'/>"
        + clone("A", "clone-max", "1", "resource-stickiness", "0");
    assertThat(summary(2, resources, "", states)).containsExactly("* Recover A:0 ( node1 -> node2 )");
  }

  /** A Stateful resource probed and found stopped. */
  static String probedStopped(String rsc) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='Stateful'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_monitor_0' operation='monitor'"
        + " interval='0' call-id='1' rc-code='7' op-status='0' transition-key='1:1:7:x'"
        + " op-digest='f2317cad3d54cec5d7d7aa7d0bf35cf8'/></lrm_resource>";
  }

  @Test
  void aStoppedInstanceHoldingAProbeIsDrawnOnlyWhereTheResourceWasProbed() {
    // S:1 holds node2's probe, so node3's promotion score draws S:2 only, which goes first
    String[] states = {state("node1", attrs("master-S", "10"), stateful("S", "promote")),
        state("node2", attrs("master-S", "5"), probedStopped("S")), state("node3", attrs("master-S", "8"))};
    assertThat(summary(3, promotable("S"), "", states))
        .containsExactly("* Start S:1 ( node2 )", "* Start S:2 ( node3 )");
  }

  @Test
  void theDependentsOfACloneDependentPullItsInstancesToo() {
    // P wants node3 and must run with M's Promoted instance; M runs only where A does
    String resources = clone("A", "clone-max", "1") + promotable("M")
        + "<primitive id='P' class='ocf' provider='pacemaker' type='Dummy'/>";
    String constraints = colocation("M-clone", "A-clone", "INFINITY")
        + "<rsc_colocation id='p-with-promoted-m' rsc='P' with-rsc='M-clone' with-rsc-role='Promoted' score='INFINITY'/>"
        + location("P", "node3", "100");
    assertThat(summary(3, resources, constraints)).containsExactly("* Start A:0 ( node3 )", "* Start M:0 ( node3 )");
  }

  @Test
  void aFinitePreferenceForAResourceDoesNotDrawACloneThatRunsEverywhere() {
    // A's instances go by load alone: node1, which holds P, comes last
    String resources = "<primitive id='P' class='ocf' provider='pacemaker' type='Dummy'/>" + clone("A");
    assertThat(summary(3, resources, colocation("A-clone", "P", "100"))).containsExactly("* Start P ( node1 )",
        "* Start A:0 ( node2 )", "* Start A:1 ( node3 )", "* Start A:2 ( node1 )");
  }

  @Test
  void aResourceKeptApartFromACloneWeighsOnEveryInstance() {
    // P's 3000 on node2 counts -15 there (at -5000/INFINITY) for each of A's instances
    String resources = "<primitive id='P' class='ocf' provider='pacemaker' type='Dummy'/>" + clone("A", "clone-max", "2");
    String constraints = colocation("P", "A-clone", "-5000") + location("P", "node2", "3000");
    assertThat(summary(3, resources, constraints)).containsExactly("* Start P ( node2 )", "* Start A:0 ( node1 )",
        "* Start A:1 ( node3 )");
  }

  @Test
  void aResourcePlacedWithThePromotedInstancePullsTheInstancesToo() {
    // no instance can be promoted (no promotion scores), but P's 100 on node3 still draws S:0 there
    String resources = promotable("S", "clone-max", "2") + "<primitive id='P' class='ocf' provider='pacemaker' type='Dummy'/>";
    String constraints = "<rsc_colocation id='p-with-promoted-s' rsc='P' with-rsc='S-clone' with-rsc-role='Promoted'"
        + " score='INFINITY'/>" + location("P", "node3", "100");
    assertThat(summary(3, resources, constraints)).containsExactly("* Start S:0 ( node3 )", "* Start S:1 ( node1 )");
  }

  @Test
  void aWishToBeWithACloneLeftShortOfInstancesKeepsOffTheNodesWithoutOne() {
    // B's third instance has no node: A's instances score 0 beside B and -100 on node3, so G
    // (kept off node1) draws A:0 to node2 and then, unable to follow A:1 anywhere, lets it go to node1
    String resources = clone("B", "clone-max", "3") + clone("A", "clone-max", "2")
        + "<primitive id='G' class='ocf' provider='pacemaker' type='Dummy'/>";
    String constraints = colocation("A-clone", "B-clone", "100") + location("B-clone", "node3", "-INFINITY")
        + colocation("G", "A-clone", "INFINITY") + location("G", "node1", "-INFINITY");
    assertThat(summary(3, resources, constraints)).containsExactly("* Start B:0 ( node1 )", "* Start B:1 ( node2 )",
        "* Start A:0 ( node2 )", "* Start A:1 ( node1 )", "* Start G ( node2 )");
  }

  @Test
  void aLocationOfThePromotableCloneAtInfinityPromotesThere() {
    String[] states = {state("node1", attrs("master-S", "10"), stateful("S", "promote")),
        state("node2", attrs("master-S", "5"), stateful("S", "start")),
        state("node3", attrs("master-S", "5"), stateful("S", "start"))};
    assertThat(summary(3, promotable("S"), location("S-clone", "node2", "INFINITY"), states)).containsExactly(
        "* Demote S:0 ( Promoted -> Unpromoted node1 )", "* Promote S:1 ( Unpromoted -> Promoted node2 )");
  }

  @Test
  void failuresOfACloneAtItsThresholdKeepWhatTheCloneFollowsOffThatNode() {
    // A must run with P: A's ban from node1 outweighs P's own 100 there
    String[] states = {state("node1", attrs("fail-count-A#monitor_10000", "3",
        "last-failure-A#monitor_10000", "1599999000"), started("A"))};
    String resources = "<primitive id='P' class='ocf' provider='pacemaker' type='Dummy'/>"
        + clone("A", "clone-max", "1", "migration-threshold", "3");
    assertThat(summary(2, resources, colocation("A-clone", "P", "INFINITY") + location("P", "node1", "100"), states))
        .containsExactly("* Start P ( node2 )", "* Move A:0 ( node1 -> node2 )");
  }

  @Test
  void aResourceKeptApartFromACloneOnEveryNodeKeepsTheLastInstancesNode() {
    // -100 beside each instance in turn, the last step (node3) rolled back as it would leave no node at 0
    String resources = clone("A") + "<primitive id='P' class='ocf' provider='pacemaker' type='Dummy'/>";
    assertThat(summary(3, resources, colocation("P", "A-clone", "-100"))).containsExactly("* Start A:0 ( node1 )",
        "* Start A:1 ( node2 )", "* Start A:2 ( node3 )", "* Start P ( node3 )");
  }

  @Test
  void aCloneKeptApartFromAResourceScoresBelowZeroBesideItUntilNoOtherNodeIsLeft() {
    // A:1 avoids node1 (-100) for node3, as loaded as node1; A:2, with only node1 left, is rolled back to 0 there
    String resources = "<primitive id='P' class='ocf' provider='pacemaker' type='Dummy'/>"
        + "<primitive id='Q' class='ocf' provider='pacemaker' type='Dummy'/>" + clone("A");
    assertThat(summary(3, resources, colocation("A-clone", "P", "-100") + location("Q", "node3", "100")))
        .containsExactly("* Start P ( node1 )", "* Start Q ( node3 )", "* Start A:0 ( node2 )",
            "* Start A:1 ( node3 )", "* Start A:2 ( node1 )");
  }
}
