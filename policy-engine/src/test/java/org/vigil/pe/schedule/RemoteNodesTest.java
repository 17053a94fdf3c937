package org.vigil.pe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.pe.schedule.SchedulingFixture.dummy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.pe.PacemakerScheduler;
import org.vigil.pe.Transition;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;
import org.vigil.pe.status.NodeStatus;

/** Remote and guest nodes: liveness from the connection, placement, ordering and fencing. */
class RemoteNodesTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static final String REMOTE = "<primitive id='remote1' class='ocf' provider='pacemaker' type='remote'/>";
  private static final String GUEST = "<primitive id='vm1' class='ocf' provider='heartbeat' type='VirtualDomain'>"
      + "<meta_attributes id='vm1-m'><nvpair id='vm1-rn' name='remote-node' value='guest1'/></meta_attributes>"
      + "</primitive>";

  private static Cib cib(String resources, String constraints, String node1Lrm, String extraStates) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='true'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + resources + "</resources><constraints>" + constraints + "</constraints></configuration>"
        + "<status>" + state("1", "node1", true, node1Lrm) + state("2", "node2", true, "") + extraStates
        + "</status></cib>";
    try {
      return CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String state(String id, String name, boolean member, String lrm) {
    String membership = member ? " in_ccm='true' crmd='online' join='member' expected='member'" : " remote_node='true'";
    return "<node_state id='" + id + "' uname='" + name + "'" + membership + "><lrm id='" + id + "'><lrm_resources>"
        + lrm + "</lrm_resources></lrm></node_state>";
  }

  private static String op(String rsc, String type, String task, int rc) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='" + type + "'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_" + task + "_0' operation='" + task
        + "' interval='0' call-id='2' rc-code='" + rc + "' op-status='0' transition-key='1:1:0:x'/></lrm_resource>";
  }

  private static String failedMonitor(String rsc, String type) {
    return "<lrm_resource id='" + rsc + "' class='ocf' provider='pacemaker' type='" + type + "'>"
        + "<lrm_rsc_op id='" + rsc + "_last_0' operation_key='" + rsc + "_start_0' operation='start' interval='0' "
        + "call-id='2' rc-code='0' op-status='0' transition-key='1:1:0:x'/>"
        + "<lrm_rsc_op id='" + rsc + "_monitor_60000' operation_key='" + rsc + "_monitor_60000' operation='monitor' "
        + "interval='60000' call-id='3' rc-code='7' op-status='0' transition-key='2:1:0:x'/></lrm_resource>";
  }

  private static List<String> lines(Transition t) {
    return t.summary().stream().map(s -> s.trim().replaceAll("\\s+", " ")).toList();
  }

  private static NodeStatus node(Cib cib, String name) {
    return ClusterStatus.unpack(cib, NOW).node(name);
  }

  @Test
  void aRemoteNodeIsOnlineWhileItsConnectionRuns() {
    Cib up = cib(REMOTE, "", op("remote1", "remote", "start", 0), state("remote1", "remote1", false, ""));
    assertThat(node(up, "remote1").kind()).isEqualTo(NodeStatus.Kind.REMOTE);
    assertThat(node(up, "remote1").online()).isTrue();
    Cib down = cib(REMOTE, "", op("remote1", "remote", "monitor", 7), state("remote1", "remote1", false, ""));
    assertThat(node(down, "remote1").online()).isFalse();
    assertThat(node(down, "remote1").unclean()).isFalse();
  }

  @Test
  void aNeverSeenRemoteNodeIsUncleanButNotFencedWhenItsConnectionStarts() {
    Cib c = cib(REMOTE, "", "", "");
    assertThat(node(c, "remote1").unclean()).isTrue();
    assertThat(lines(new PacemakerScheduler().schedule(c, NOW))).containsExactly("* Start remote1 ( node1 )");
  }

  @Test
  void theConnectionIsPlacedFirstAndResourcesThereStartAfterIt() {
    String pin = "<rsc_location id='l' rsc='a' node='remote1' score='100'/>";
    Transition t = new PacemakerScheduler().schedule(cib(REMOTE + dummy("a"), pin, "", ""), NOW);
    assertThat(lines(t)).containsExactly("* Start remote1 ( node1 )", "* Start a ( remote1 )");
    int connStart = indexOf(t, "remote1", "start", "node1");
    int aStart = indexOf(t, "a", "start", "remote1");
    assertThat(t.actions().get(aStart).predecessors()).contains(connStart);
  }

  @Test
  void connectionsAndFencingDevicesNeverRunOnRemoteNodes() {
    String fence = "<primitive id='shooter' class='stonith' type='fence_xvm'/>";
    String ban = "<rsc_location id='l1' rsc='shooter' node='node1' score='-INFINITY'/>"
        + "<rsc_location id='l2' rsc='shooter' node='node2' score='-INFINITY'/>";
    assertThat(lines(new PacemakerScheduler().schedule(cib(REMOTE + fence, ban, "", ""), NOW)))
        .containsExactly("* Start remote1 ( node1 )");
  }

  @Test
  void aFailedConnectionFencesTheRemoteNodeAndItsResourcesMove() {
    Cib c = cib(REMOTE + dummy("a"), "<rsc_location id='l' rsc='remote1' node='node2' score='-INFINITY'/>",
        failedMonitor("remote1", "remote"), state("remote1", "remote1", false, op("a", "Dummy", "start", 0)));
    assertThat(lines(new PacemakerScheduler().schedule(c, NOW))).containsExactly(
        "* Fence (reboot) remote1 'remote connection is unrecoverable'",
        "* Recover remote1 ( node1 )",
        "* Move a ( remote1 -> node2 )");
  }

  @Test
  void aFailedContainerFencesItsGuestAndWhatRanThereIsRecovered() {
    Cib c = cib(GUEST + dummy("a"), "<rsc_location id='l' rsc='a' node='guest1' score='100'/>",
        failedMonitor("vm1", "VirtualDomain") + op("guest1", "remote", "start", 0),
        state("guest1", "guest1", false, op("a", "Dummy", "start", 0)));
    assertThat(node(c, "guest1").kind()).isEqualTo(NodeStatus.Kind.GUEST);
    assertThat(lines(new PacemakerScheduler().schedule(c, NOW))).containsExactly(
        "* Fence (reboot) guest1 (resource: vm1) 'guest is unclean'",
        "* Recover vm1 ( node1 )",
        "* Recover a ( guest1 )",
        "* Restart guest1 ( node1 ) due to required vm1 start");
  }

  @Test
  void aGuestWhoseContainersHostIsLostGoesWithItAndWhatRanThereFailed() {
    String lostNode2 = "<node_state id='2' uname='node2' in_ccm='false' crmd='offline' join='down' expected='member'>"
        + "<lrm id='2'><lrm_resources>" + op("vm1", "VirtualDomain", "start", 0) + op("guest1", "remote", "start", 0)
        + "</lrm_resources></lrm></node_state>";
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config/><nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + GUEST + dummy("a") + "</resources><constraints/></configuration><status>"
        + state("1", "node1", true, "") + lostNode2 + state("guest1", "guest1", false, op("a", "Dummy", "start", 0))
        + "</status></cib>";
    ClusterState s;
    try {
      s = ClusterStatus.unpack(CibXml.parse(xml, "test"), NOW);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(s.node("guest1").online()).isFalse();
    assertThat(s.resourcesById().get("a").failed()).isTrue();
    assertThat(s.resourcesById().get("vm1").failed()).isTrue();
  }

  @Test
  void aGuestWhoseConnectionFailedIsFencedByRecoveringItsContainer() {
    Cib c = cib(GUEST + dummy("a"), "<rsc_location id='l' rsc='a' node='guest1' score='100'/>",
        op("vm1", "VirtualDomain", "start", 0) + failedMonitor("guest1", "remote"),
        state("guest1", "guest1", false, op("a", "Dummy", "start", 0)));
    assertThat(lines(new PacemakerScheduler().schedule(c, NOW))).containsExactlyInAnyOrder(
        "* Fence (reboot) guest1 (resource: vm1) 'guest is unclean'",
        "* Recover vm1 ( node1 )",
        "* Recover guest1 ( node1 )",
        "* Recover a ( guest1 )");
  }

  @Test
  void aBundlesContainerMayRunOnARemoteNodeAndItsConnectionThenRunsOnThatNodesHost() {
    String bundle = "<bundle id='b'><docker image='img' replicas='1'/><network control-port='3121'/>"
        + dummy("p") + "</bundle>";
    String onRemote = "<rsc_location id='l1' rsc='b' node='node1' score='-INFINITY'/>"
        + "<rsc_location id='l2' rsc='b' node='node2' score='-INFINITY'/>";
    Cib c = cib(REMOTE + bundle, onRemote, op("remote1", "remote", "start", 0), state("remote1", "remote1", false, ""));
    assertThat(lines(new PacemakerScheduler().schedule(c, NOW))).containsExactlyInAnyOrder(
        "* Start b-docker-0 ( remote1 )",
        "* Start b-0 ( node1 )",
        "* Start p:0 ( b-0 )");
  }

  @Test
  void nothingIsProbedInAGuestThatIsOnlyStarting() {
    Transition t = new PacemakerScheduler().schedule(cib(GUEST + dummy("a"),
        "<rsc_location id='l' rsc='a' node='guest1' score='100'/>", "", ""), NOW);
    assertThat(lines(t)).containsExactlyInAnyOrder("* Start vm1 ( node1 )", "* Start guest1 ( node1 )",
        "* Start a ( guest1 )");
    assertThat(t.actions()).anyMatch(a -> "guest1".equals(a.node()) && "start".equals(a.task()))
        .noneMatch(a -> "guest1".equals(a.node()) && a.operationKey().endsWith("_monitor_0"));
  }

  @Test
  void aFailedContainerFencesItsGuestEvenWhenTheGuestNeverCameUp() {
    Cib c = cib(GUEST, "", failedMonitor("vm1", "VirtualDomain"), "");
    assertThat(lines(new PacemakerScheduler().schedule(c, NOW))).containsExactlyInAnyOrder(
        "* Fence (reboot) guest1 (resource: vm1) 'guest is unclean'",
        "* Recover vm1 ( node1 )",
        "* Start guest1 ( node1 )");
  }

  @Test
  void aContainerFoundStoppedUnderARunningConnectionFencesTheGuestAndItsCloneInstanceIsNumberedLast() {
    String clone = "<clone id='cl'>" + dummy("c") + "</clone>";
    String guest2 = "<primitive id='vm2' class='ocf' provider='heartbeat' type='VirtualDomain'>"
        + "<meta_attributes id='vm2-m'><nvpair id='vm2-rn' name='remote-node' value='guest2'/></meta_attributes>"
        + "</primitive>";
    String ban = "<rsc_location id='l1' rsc='cl' node='node1' score='-INFINITY'/>"
        + "<rsc_location id='l2' rsc='cl' node='node2' score='-INFINITY'/>";
    // vm1 has no history (cleaned up) though guest1's connection still runs and c runs in guest1
    Cib cb = cib(GUEST + guest2 + clone, ban, op("guest1", "remote", "start", 0) + op("vm2", "VirtualDomain", "start", 0)
        + op("guest2", "remote", "start", 0), state("guest1", "guest1", false, op("c", "Dummy", "start", 0))
        + state("guest2", "guest2", false, op("c", "Dummy", "start", 0)));
    ClusterState s = ClusterStatus.unpack(cb, NOW);
    assertThat(s.resourcesById().get("c:0").activeNodes()).containsExactly("guest2");
    assertThat(s.resourcesById().get("c:1").activeNodes()).containsExactly("guest1");
    assertThat(lines(new PacemakerScheduler().schedule(cb, NOW))).contains(
        "* Fence (reboot) guest1 (resource: vm1) 'guest is unclean'",
        "* Start vm1 ( node1 )",
        "* Recover c:1 ( guest1 )");
  }

  @Test
  void aRemoteNodeWithoutAConnectionResourceIsUncleanWhileItRanSomethingAndIsNotFenced() {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config/><nodes><node id='1' uname='node1'/><node id='remote1' type='remote' "
        + "uname='remote1'/><node id='remote2' type='remote' uname='remote2'/></nodes><resources/><constraints/>"
        + "</configuration><status>" + state("1", "node1", true, "")
        + state("remote1", "remote1", false, op("old", "Dummy", "start", 0)) + "</status></cib>";
    Cib c;
    try {
      c = CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(node(c, "remote1").unclean()).isTrue();
    assertThat(node(c, "remote2").unclean()).isFalse();
    assertThat(lines(new PacemakerScheduler().schedule(c, NOW))).noneMatch(l -> l.startsWith("* Fence"));
  }

  @Test
  void anOrphanedConnectionKeepsItsRemoteNodeUntilItStops() {
    String lrm = op("remote1", "remote", "start", 0);
    Cib c = cib(dummy("a"), "<rsc_location id='l' rsc='a' node='node1' score='10'/>", lrm,
        state("remote1", "remote1", false, op("a", "Dummy", "start", 0)));
    assertThat(node(c, "remote1").kind()).isEqualTo(NodeStatus.Kind.REMOTE);
    assertThat(node(c, "remote1").online()).isTrue();
    assertThat(lines(new PacemakerScheduler().schedule(c, NOW))).containsExactlyInAnyOrder(
        "* Move a ( remote1 -> node1 )",
        "* Stop remote1 ( node1 ) due to node availability");
  }

  @Test
  void aRemoteNodeNeverReadWhoseConnectionDiesWithItsHostIsFencedForItsUnknownState() {
    String lostNode1 = "<node_state id='1' uname='node1' in_ccm='false' crmd='offline' join='down' expected='member'>"
        + "<lrm id='1'><lrm_resources>" + op("remote1", "remote", "start", 0) + "</lrm_resources></lrm></node_state>";
    String remoteSeen = "<node_state id='remote1' uname='remote1' remote_node='true' in_ccm='true'/>";
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config/><nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes>"
        + "<resources>" + REMOTE + "</resources><constraints>"
        + "<rsc_location id='l' rsc='remote1' node='node2' score='-INFINITY'/></constraints></configuration><status>"
        + lostNode1 + state("2", "node2", true, "") + remoteSeen + "</status></cib>";
    Cib c;
    try {
      c = CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(lines(new PacemakerScheduler().schedule(c, NOW))).contains(
        "* Fence (reboot) remote1 'resources are in unknown state and connection is unrecoverable'");
  }

  @Test
  void aGuestWhoseConnectionCanRunNowhereDoesNotStartItsContainer() {
    String noConnection = "<rsc_location id='l1' rsc='guest1' node='node1' score='-INFINITY'/>"
        + "<rsc_location id='l2' rsc='guest1' node='node2' score='-INFINITY'/>";
    assertThat(lines(new PacemakerScheduler().schedule(cib(GUEST + dummy("a"), noConnection, "", ""), NOW)))
        .containsExactly("* Start a ( node1 )");
  }

  @Test
  void inAnAsymmetricClusterAGuestsConnectionFollowsItsContainerWithoutALocationOfItsOwn() {
    String locations = "<rsc_location id='l1' rsc='vm1' node='node1' score='100'/>"
        + "<rsc_location id='l2' rsc='a' node='guest1' score='100'/>";
    Cib c = cib(GUEST + dummy("a"), locations, "", "");
    String xml = CibXml.write(c).replaceFirst("(<nvpair [^>]*stonith-enabled[^>]*/>)",
        "$1<nvpair id='sc' name='symmetric-cluster' value='false'/>");
    assertThat(xml).contains("symmetric-cluster");
    Cib asym;
    try {
      asym = CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(lines(new PacemakerScheduler().schedule(asym, NOW))).containsExactlyInAnyOrder(
        "* Start vm1 ( node1 )", "* Start guest1 ( node1 )", "* Start a ( guest1 )");
  }

  @Test
  void aConnectionLostWhileRunningWithAReconnectIntervalIsStoppedNotRecovered() {
    String remote = "<primitive id='remote1' class='ocf' provider='pacemaker' type='remote'>"
        + "<instance_attributes id='r-i'><nvpair id='r-ri' name='reconnect_interval' value='60'/></instance_attributes>"
        + "</primitive>";
    Cib c = cib(remote, "", failedMonitor("remote1", "remote"), state("remote1", "remote1", false, ""));
    assertThat(lines(new PacemakerScheduler().schedule(c, NOW))).containsExactly(
        "* Fence (reboot) remote1 'remote connection is unrecoverable'",
        "* Stop remote1 ( node1 ) due to node availability");
    Cib plain = cib(REMOTE, "", failedMonitor("remote1", "remote"), state("remote1", "remote1", false, ""));
    assertThat(lines(new PacemakerScheduler().schedule(plain, NOW))).contains("* Recover remote1 ( node1 )");
  }

  private static int indexOf(Transition t, String rsc, String task, String node) {
    return t.actions().stream()
        .filter(a -> rsc.equals(a.resource()) && task.equals(a.task()) && node.equals(a.node()))
        .findFirst().orElseThrow().id();
  }
}
