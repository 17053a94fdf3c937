package org.vigil.pe.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Role;

class StatusTextTest {
  private static final String DUMMY = "ocf:pacemaker:Dummy";

  private static PrimitiveView started(String id, String... nodes) {
    return PrimitiveView.of(id, DUMMY, nodes.length == 0 ? Role.STOPPED : Role.STARTED, List.of(nodes));
  }

  private static List<String> resources(List<NodeView> nodes, ResourceView... rs) {
    return StatusText.resourceList(new StatusView(nodes, List.of(rs), false), 2);
  }

  private static final List<NodeView> THREE = List.of(NodeView.online("n1"), NodeView.online("n2"),
      NodeView.online("n3"));

  @Test
  void primitiveLineHasATabAfterTheIdAndATabAndSpaceBeforeTheState() {
    assertThat(resources(THREE, started("rsc1", "n1"), started("rsc2")))
        .containsExactly("    * rsc1\t(ocf:pacemaker:Dummy):\t Started n1", "    * rsc2\t(ocf:pacemaker:Dummy):\t Stopped");
  }

  @Test
  void flagsFollowTheNodeAndMultiplyActiveNodesComeLastInTheOrderFound() {
    PrimitiveView failedDisabledUnmanaged = new PrimitiveView("r", DUMMY, Role.STARTED, List.of("n3", "n2"), true,
        false, false, false, true, false, null, null, null);
    PrimitiveView blocked = new PrimitiveView("b", DUMMY, Role.STARTED, List.of("n1"), true, false, false, true,
        true, false, null, null, null);
    assertThat(resources(THREE, failedDisabledUnmanaged, blocked)).containsExactly(
        "    * r\t(ocf:pacemaker:Dummy):\t FAILED (disabled, unmanaged) [ n3 n2 ]",
        "    * b\t(ocf:pacemaker:Dummy):\t FAILED n1 (disabled, blocked)");
  }

  @Test
  void notInstalledProbeOnAStoppedResourceKeepsPacemakersTrailingSpace() {
    PrimitiveView p = new PrimitiveView("r", DUMMY, Role.STOPPED, List.of(), false, false, true, false, false, false,
        null, null, "not installed");
    assertThat(resources(THREE, p)).containsExactly("    * r\t(ocf:pacemaker:Dummy):\t Stopped (not installed) ");
  }

  @Test
  void resourceOnAnUncleanOfflineNodeIsFlaggedButNotOnAnUncleanOnlineOne() {
    NodeView gone = new NodeView("n1", NodeView.Kind.CLUSTER, false, true, false, false, false, false,
        NodeView.Health.GREEN, true);
    NodeView stuck = new NodeView("n2", NodeView.Kind.CLUSTER, true, true, false, false, false, false,
        NodeView.Health.GREEN, true);
    assertThat(resources(List.of(gone, stuck), started("a", "n1"), started("b", "n2"))).containsExactly(
        "    * a\t(ocf:pacemaker:Dummy):\t Started n1 (UNCLEAN)", "    * b\t(ocf:pacemaker:Dummy):\t Started n2");
  }

  @Test
  void pendingStartShowsAsStartingAndPendingMonitorAsAFlag() {
    PrimitiveView starting = new PrimitiveView("s", DUMMY, Role.STARTED, List.of("n1"), false, false, true, false,
        false, false, "start", null, null);
    PrimitiveView monitoring = new PrimitiveView("m", DUMMY, Role.STARTED, List.of("n1"), false, false, true, false,
        false, false, "monitor", null, null);
    assertThat(resources(THREE, starting, monitoring)).containsExactly(
        "    * s\t(ocf:pacemaker:Dummy):\t Starting n1", "    * m\t(ocf:pacemaker:Dummy):\t Started n1 (Monitoring)");
  }

  @Test
  void nodeListPutsNotableNodesFirstThenNaturallySortedLists() {
    NodeView standby = new NodeView("node2", NodeView.Kind.CLUSTER, true, false, false, true, false, false,
        NodeView.Health.GREEN, true);
    NodeView unclean = new NodeView("node11", NodeView.Kind.CLUSTER, false, true, false, false, false, false,
        NodeView.Health.GREEN, false);
    List<NodeView> nodes = List.of(NodeView.online("node10"), standby, NodeView.online("Node9"),
        NodeView.offline("node1"), unclean,
        new NodeView("r1", NodeView.Kind.REMOTE, true, false, false, false, false, false, NodeView.Health.GREEN, false));
    assertThat(StatusText.nodeList(new StatusView(nodes, List.of(), false), 2)).containsExactly(
        "    * Node node2: standby (with active resources)",
        "    * Node node11: UNCLEAN (offline)",
        "    * Online: [ Node9 node10 ]",
        "    * OFFLINE: [ node1 ]",
        "    * RemoteOnline: [ r1 ]");
  }

  @Test
  void anonymousCloneSummarisesHealthyInstancesAndListsUnusualOnesByTheirPrimitiveId() {
    PrimitiveView failed = new PrimitiveView("ping:2", DUMMY, Role.STARTED, List.of("n3"), true, false, true, false,
        false, false, null, null, null);
    CloneView c = new CloneView("cl", "ping", false, false, true, false, false,
        List.of(started("ping:0", "n2"), started("ping:1", "n1"), failed, started("ping:3")), 5,
        List.of("n1", "n2", "n3", "n4", "n5"), Map.of("n5", "not installed"));
    assertThat(resources(THREE, c)).containsExactly(
        "    * Clone Set: cl [ping]:",
        "      * ping\t(ocf:pacemaker:Dummy):\t FAILED n3",
        "      * Started: [ n1 n2 ]",
        "      * Stopped: [ n4 ]",
        "      * Stopped (not installed): [ n5 ]");
  }

  @Test
  void promotableCloneListsPromotedThenUnpromotedAndOmitsStoppedWhenEveryInstanceRuns() {
    PrimitiveView promoted = PrimitiveView.of("s:0", DUMMY, Role.PROMOTED, List.of("n2"));
    PrimitiveView unpromoted = PrimitiveView.of("s:1", DUMMY, Role.STARTED, List.of("n1"));
    CloneView c = new CloneView("ms", "s", true, false, true, false, false, List.of(promoted, unpromoted), 2,
        List.of("n1", "n2", "n3"), Map.of());
    assertThat(resources(THREE, c)).containsExactly(
        "    * Clone Set: ms [s] (promotable):", "      * Promoted: [ n2 ]", "      * Unpromoted: [ n1 ]");
  }

  @Test
  void uniqueClonePrintsEveryInstanceWithItsNumber() {
    CloneView c = new CloneView("u", "r", false, true, false, true, true, List.of(started("r:0", "n1"), started("r:1")), 2,
        List.of("n1"), Map.of());
    assertThat(resources(THREE, c)).containsExactly(
        "    * Clone Set: u [r] (unique, unmanaged, disabled):",
        "      * r:0\t(ocf:pacemaker:Dummy):\t Started n1",
        "      * r:1\t(ocf:pacemaker:Dummy):\t Stopped");
  }

  @Test
  void partiallyActiveClonedGroupIsShownAsItsInstanceWithMembersUnderTheirOwnIds() {
    GroupView g0 = new GroupView("g:0", List.of(started("a:0", "n1"), started("b:0", "n1")), true, false);
    GroupView g1 = new GroupView("g:1", List.of(started("a:1", "n2"), started("b:1")), true, false);
    CloneView c = new CloneView("cg", "g", false, false, true, false, false, List.of(g0, g1), 3, List.of("n1", "n2", "n3"),
        Map.of());
    assertThat(resources(THREE, c)).containsExactly(
        "    * Clone Set: cg [g]:",
        "      * Resource Group: g:1:",
        "        * a\t(ocf:pacemaker:Dummy):\t Started n2",
        "        * b\t(ocf:pacemaker:Dummy):\t Stopped",
        "      * Started: [ n1 ]",
        "      * Stopped: [ n3 ]");
  }

  @Test
  void runningMembersOfAGroupInstanceOfAPromotableCloneAreUnpromoted() {
    GroupView g0 = new GroupView("g:0", List.of(started("a:0", "n1"), started("b:0")), true, false);
    CloneView c = new CloneView("ms", "g", true, true, true, false, false, List.of(g0), 1, List.of("n1"), Map.of());
    assertThat(resources(THREE, c)).containsExactly(
        "    * Clone Set: ms [g] (promotable, unique):",
        "      * Resource Group: g:0:",
        "        * a:0\t(ocf:pacemaker:Dummy):\t Unpromoted n1",
        "        * b:0\t(ocf:pacemaker:Dummy):\t Stopped");
  }

  @Test
  void groupHeaderCarriesUnmanagedThenDisabled() {
    GroupView g = new GroupView("grp", List.of(started("a")), false, true);
    assertThat(resources(THREE, g)).containsExactly(
        "    * Resource Group: grp (unmanaged, disabled):", "      * a\t(ocf:pacemaker:Dummy):\t Stopped");
  }

  @Test
  void bundleWithSeveralReplicasIsASetAndShowsEachReplicaWithItsAddress() {
    BundleView b = new BundleView("web", "pcmk:http", false, List.of(
        new BundleView.Replica("web-0", "192.168.122.131", started("web-0", "n1"), 4),
        new BundleView.Replica("web-1", "192.168.122.132", started("web-1"), 4)));
    BundleView single = new BundleView("db", "pcmk:db", true, List.of(
        new BundleView.Replica("db-docker-0", null, started("db-docker-0", "n2"), 1)));
    assertThat(resources(THREE, b, single)).containsExactly(
        "    * Container bundle set: web [pcmk:http] (unmanaged):",
        "      * web-0 (192.168.122.131)\t(ocf:pacemaker:Dummy):\t Started n1",
        "      * web-1 (192.168.122.132)\t(ocf:pacemaker:Dummy):\t Stopped",
        "    * Container bundle: db [pcmk:db]:",
        "      * db-docker-0\t(ocf:pacemaker:Dummy):\t Started n2");
  }

  @Test
  void naturalOrderComparesDigitRunsAsNumbersIgnoringCase() {
    List<String> names = new java.util.ArrayList<>(List.of("node10", "RNVM1", "node9", "lama3", "lama2", "node010a"));
    names.sort(NaturalOrder.INSTANCE);
    assertThat(names).containsExactly("lama2", "lama3", "node9", "node10", "node010a", "RNVM1");
  }
}
