package org.vigil.pe.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Role;
import org.vigil.cib.xml.CibXml;

class ClusterStatusTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_600_000_000L);

  private static String op(String rsc, String task, int interval, int call, int rc, int target) {
    return "<lrm_rsc_op id='" + rsc + "_" + task + "_" + interval + "' operation_key='" + rsc + "_" + task + "_" + interval
        + "' operation='" + task + "' interval='" + interval + "' call-id='" + call + "' rc-code='" + rc
        + "' op-status='0' transition-key='1:1:" + target + ":x' last-rc-change='1599999000'/>";
  }

  private static Cib cib(String props, String resources, String status) {
    String xml = "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1'>"
        + "<configuration><crm_config><cluster_property_set id='o'>" + props + "</cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/><node id='3' uname='node3'/></nodes>"
        + "<resources>" + resources + "</resources><constraints/></configuration><status>" + status + "</status></cib>";
    try {
      return CibXml.parse(xml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String member(String id, String name, String lrm) {
    return "<node_state id='" + id + "' uname='" + name + "' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<lrm id='" + id + "'><lrm_resources>" + lrm + "</lrm_resources></lrm></node_state>";
  }

  private static String rsc(String id, String ops) {
    return "<lrm_resource id='" + id + "' class='ocf' provider='pacemaker' type='Dummy'>" + ops + "</lrm_resource>";
  }

  private static final String DUMMY = "<primitive id='d' class='ocf' provider='pacemaker' type='Dummy'/>";

  @Test
  void nodeWithoutStatusIsUncleanWhenFencingIsOnAndOfflineOtherwise() {
    Cib fenced = cib("", DUMMY, member("1", "node1", "") + member("2", "node2", ""));
    assertThat(ClusterStatus.unpack(fenced, NOW).node("node3").unclean()).isTrue();
    assertThat(ClusterStatus.unpack(fenced, NOW).node("node3").fenceReason()).isEqualTo("node is unclean");
    Cib unfenced = cib("<nvpair id='s' name='stonith-enabled' value='false'/>", DUMMY, member("1", "node1", ""));
    assertThat(ClusterStatus.unpack(unfenced, NOW).node("node3").unclean()).isFalse();
    assertThat(ClusterStatus.unpack(unfenced, NOW).node("node3").online()).isFalse();
    assertThat(ClusterStatus.unpack(unfenced, NOW).node("node1").online()).isTrue();
  }

  @Test
  void aFailureOnANodeAlreadyToBeFencedIsNotCountedAgainstTheResource() {
    String two = "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'/>"
        + "<primitive id='b' class='ocf' provider='pacemaker' type='Dummy'/>";
    String status = member("1", "node1",
        rsc("a", op("a", "start", 0, 2, 0, 0) + op("a", "stop", 0, 4, 1, 0))
        + rsc("b", op("b", "start", 0, 3, 0, 0) + op("b", "monitor", 10000, 5, 1, 0)));
    ClusterState s = ClusterStatus.unpack(cib("", two, status), NOW);
    assertThat(s.node("node1").fenceReason()).isEqualTo("a failed there");
    assertThat(s.resourcesById().get("a").failed()).isTrue();
    assertThat(s.resourcesById().get("b").failed()).isFalse();
    assertThat(s.resourcesById().get("b").activeNodes()).containsExactly("node1");
  }

  @Test
  void lostMemberThatWasExpectedUpMustBeFenced() {
    String lost = "<node_state id='2' uname='node2' in_ccm='false' crmd='offline' join='down' expected='member'/>";
    String left = "<node_state id='3' uname='node3' in_ccm='false' crmd='offline' join='down' expected='down'/>";
    ClusterState s = ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", "") + lost + left), NOW);
    assertThat(s.node("node2").fenceReason()).isEqualTo("peer is no longer part of the cluster");
    assertThat(s.node("node3").unclean()).isFalse();
    assertThat(s.node("node3").online()).isFalse();
  }

  @Test
  void lastOperationByCallIdDecidesTheRole() {
    String ops = op("d", "stop", 0, 5, 0, 0) + op("d", "start", 0, 3, 0, 0) + op("d", "monitor", 0, 1, 7, 7);
    ClusterState s = ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", rsc("d", ops))), NOW);
    ResourceState d = s.resourcesById().get("d");
    assertThat(d.activeNodes()).isEmpty();
    assertThat(d.probedOn("node1")).isTrue();
    assertThat(d.probedOn("node2")).isFalse();

    String running = op("d", "start", 0, 3, 0, 0) + op("d", "monitor", 10000, 4, 0, 0);
    ResourceState d2 = ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", rsc("d", running))), NOW)
        .resourcesById().get("d");
    assertThat(d2.activeNodes()).containsExactly("node1");
    assertThat(d2.role()).isEqualTo(Role.STARTED);
    assertThat(d2.history("node1").recurring()).containsKey(10000L);
  }

  @Test
  void failedMonitorIsAFailureUntilALaterStopAndStart() {
    String failed = op("d", "start", 0, 3, 0, 0) + op("d", "monitor", 10000, 4, 7, 0);
    ResourceState d = ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", rsc("d", failed))), NOW)
        .resourcesById().get("d");
    assertThat(d.failed()).isTrue();
    assertThat(d.activeNodes()).containsExactly("node1");
    assertThat(d.failedOperations()).singleElement().satisfies(f -> assertThat(f.operationKey()).isEqualTo("d_monitor_10000"));

    String recovered = failed + op("d", "stop", 0, 5, 0, 0) + op("d", "start", 0, 6, 0, 0);
    ResourceState r = ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", rsc("d", recovered))), NOW)
        .resourcesById().get("d");
    assertThat(r.failed()).isFalse();
  }

  @Test
  void failedStopFencesTheNodeWhenFencingIsEnabledAndBlocksOtherwise() {
    String ops = op("d", "start", 0, 3, 0, 0) + op("d", "stop", 0, 4, 1, 0);
    ClusterState fenced = ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", rsc("d", ops))), NOW);
    assertThat(fenced.node("node1").fenceReason()).isEqualTo("d failed there");
    ClusterState blocked = ClusterStatus.unpack(
        cib("<nvpair id='s' name='stonith-enabled' value='false'/>", DUMMY, member("1", "node1", rsc("d", ops))), NOW);
    assertThat(blocked.node("node1").unclean()).isFalse();
    assertThat(blocked.resourcesById().get("d").blocked()).isTrue();
  }

  @Test
  void probeNotInstalledLeavesItStoppedAndMarked() {
    String ops = op("d", "monitor", 0, 2, 5, 7);
    ResourceState d = ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", rsc("d", ops))), NOW)
        .resourcesById().get("d");
    assertThat(d.activeNodes()).isEmpty();
    assertThat(d.history("node1").notInstalled()).isTrue();
    assertThat(d.failed()).isFalse();
  }

  @Test
  void secondActiveRecordOfAnAnonymousCloneOnOneNodeIsAnOrphanInstanceAfterTheClone() {
    String clone = "<clone id='c'><primitive id='p' class='ocf' provider='pacemaker' type='ping'/></clone>";
    String running = op("p", "start", 0, 3, 0, 0);
    String status = member("1", "node1", rsc("p:0", running) + rsc("p:1", running))
        + member("2", "node2", rsc("p:0", running) + rsc("p:1", running));
    ClusterState s = ClusterStatus.unpack(cib("", clone, status), NOW);
    assertThat(s.resourcesById().get("p:0").activeNodes()).containsExactly("node1");
    assertThat(s.resourcesById().get("p:1").activeNodes()).containsExactly("node2");
    assertThat(s.resourcesById().get("p:3").orphan()).isTrue();
    assertThat(s.resourcesById().get("p:3").activeNodes()).containsExactly("node1");
    assertThat(s.resourcesById().get("p:4").activeNodes()).containsExactly("node2");
  }

  @Test
  void anonymousCloneHistoryTakesInstancesInStatusOrder() {
    String clone = "<clone id='c'><primitive id='p' class='ocf' provider='pacemaker' type='ping'/></clone>";
    String status = member("2", "node2", rsc("p", op("p", "start", 0, 3, 0, 0)))
        + member("1", "node1", rsc("p:5", op("p", "start", 0, 3, 0, 0)))
        + member("3", "node3", rsc("p", op("p", "monitor", 0, 1, 7, 7)));
    ClusterState s = ClusterStatus.unpack(cib("", clone, status), NOW);
    assertThat(s.resourcesById().get("p:0").activeNodes()).containsExactly("node2");
    assertThat(s.resourcesById().get("p:1").activeNodes()).containsExactly("node1");
    assertThat(s.resourcesById().get("p:2").activeNodes()).isEmpty();
    assertThat(s.resourcesById().get("p:2").probedOn("node3")).isTrue();
  }

  @Test
  void historyOfAnUnconfiguredResourceIsAnOrphan() {
    String status = member("1", "node1", rsc("gone", op("gone", "start", 0, 3, 0, 0)));
    ResourceState gone = ClusterStatus.unpack(cib("", DUMMY, status), NOW).resourcesById().get("gone");
    assertThat(gone.orphan()).isTrue();
    assertThat(gone.activeNodes()).containsExactly("node1");
  }

  @Test
  void failCountsSumPerResourceAndExpireAfterFailureTimeout() {
    String rscWithTimeout = "<primitive id='d' class='ocf' provider='pacemaker' type='Dummy'><meta_attributes id='m'>"
        + "<nvpair id='ft' name='failure-timeout' value='60s'/></meta_attributes></primitive>";
    String attrs = "<transient_attributes id='1'><instance_attributes id='t'>"
        + "<nvpair id='f1' name='fail-count-d#monitor_10000' value='2'/>"
        + "<nvpair id='f2' name='fail-count-d#start_0' value='1'/>"
        + "<nvpair id='l1' name='last-failure-d#monitor_10000' value='" + (NOW.getEpochSecond() - 30) + "'/>"
        + "</instance_attributes></transient_attributes>";
    String state = "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + attrs + "</node_state>";
    ResourceState d = ClusterStatus.unpack(cib("", rscWithTimeout, state), NOW).resourcesById().get("d");
    assertThat(d.failCount("node1")).isEqualTo(3);
    ResourceState later = ClusterStatus.unpack(cib("", rscWithTimeout, state), NOW.plusSeconds(31)).resourcesById().get("d");
    assertThat(later.failCount("node1")).isZero();
    assertThat(later.failCounts().get("node1").expired()).isTrue();
  }

  @Test
  void standbyAndTransientAttributesReachTheNode() {
    String state = "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'>"
        + "<transient_attributes id='1'><instance_attributes id='t'><nvpair id='s' name='standby' value='on'/>"
        + "</instance_attributes></transient_attributes></node_state>";
    NodeStatus n = ClusterStatus.unpack(cib("", DUMMY, state), NOW).node("node1");
    assertThat(n.standby()).isTrue();
    assertThat(n.canRunResources()).isFalse();
    assertThat(n.attribute("#uname")).isEqualTo("node1");
  }

  @Test
  void aDegradedMonitorKeepsTheResourceRunningButIsListedAsFailed() {
    String ops = op("d", "start", 0, 3, 0, 0) + op("d", "monitor", 10000, 4, 190, 0);
    ResourceState d = ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", rsc("d", ops))), NOW)
        .resourcesById().get("d");
    assertThat(d.failed()).isFalse();
    assertThat(d.activeNodes()).containsExactly("node1");
    assertThat(d.failedOperations()).singleElement().satisfies(f -> assertThat(f.rc()).isEqualTo(190));
  }

  @Test
  void anExpiredFailureThatBlockedTheResourceKeepsItBlockedUntilACleanStop() {
    String blocking = "<primitive id='d' class='ocf' provider='pacemaker' type='Dummy'>"
        + "<meta_attributes id='m'><nvpair id='ft' name='failure-timeout' value='10'/></meta_attributes>"
        + "<operations><op id='mon' name='monitor' interval='5s' on-fail='block'/></operations></primitive>";
    String failed = op("d", "start", 0, 2, 0, 0) + op("d", "monitor", 5000, 3, 1, 0);
    ClusterState running = ClusterStatus.unpack(cib("", blocking, member("1", "node1", rsc("d", failed))), NOW);
    assertThat(running.resourcesById().get("d").blocked()).isTrue();
    ClusterState stopped = ClusterStatus.unpack(
        cib("", blocking, member("1", "node1", rsc("d", failed + op("d", "stop", 0, 4, 0, 0)))), NOW);
    assertThat(stopped.resourcesById().get("d").blocked()).isFalse();
    assertThat(stopped.resourcesById().get("d").activeNodes()).isEmpty();
  }

  @Test
  void operationsReferencedByIdRefApplyAsIfWrittenInPlace() {
    String two = "<primitive id='a' class='ocf' provider='pacemaker' type='Dummy'><operations id='shared'>"
        + "<op id='a-mon' name='monitor' interval='10s' on-fail='block'/></operations></primitive>"
        + "<primitive id='b' class='ocf' provider='pacemaker' type='Dummy'><operations id-ref='shared'/></primitive>";
    String status = member("1", "node1", rsc("b", op("b", "start", 0, 2, 0, 0) + op("b", "monitor", 10000, 3, 1, 0)));
    ClusterState s = ClusterStatus.unpack(cib("", two, status), NOW);
    assertThat(s.resourcesById().get("b").primitive().ops()).extracting(o -> o.id()).containsExactly("a-mon");
    assertThat(s.resourcesById().get("b").blocked()).isTrue();
  }

  private static String node(String id, String name, String membership, String attributes) {
    return "<node_state id='" + id + "' uname='" + name + "' " + membership + ">" + attributes + "</node_state>";
  }

  private static final String SHUTTING_DOWN = "<transient_attributes id='t'><instance_attributes id='ta'>"
      + "<nvpair id='sd' name='shutdown' value='1266098137'/></instance_attributes></transient_attributes>";

  @Test
  void aNodeAskedToShutDownIsOnlineWhileItsControllerRunsWhateverTheMembershipLayerSays() {
    String left = node("2", "node2", "in_ccm='false' crmd='online' join='pending' expected='down'", SHUTTING_DOWN);
    String gone = node("3", "node3", "in_ccm='true' crmd='offline' join='down' expected='member'", SHUTTING_DOWN);
    ClusterState s = ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", "") + left + gone), NOW);
    assertThat(s.node("node2").online()).isTrue();
    assertThat(s.node("node2").pending()).isFalse();
    assertThat(s.node("node2").unclean()).isFalse();
    assertThat(s.node("node3").online()).isFalse();
    assertThat(s.node("node3").unclean()).isFalse();
  }

  @Test
  void aMemberNotExpectedUpIsPendingWithFencingAndOfflineWithout() {
    String notExpected = node("2", "node2", "in_ccm='true' crmd='online' join='member' expected='down'", "");
    String joining = node("3", "node3", "in_ccm='true' crmd='online' join='pending' expected='member'", "");
    ClusterState fenced = ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", "") + notExpected + joining), NOW);
    assertThat(fenced.node("node2").pending()).isTrue();
    assertThat(fenced.node("node3").pending()).isTrue();
    ClusterState unfenced = ClusterStatus.unpack(cib("<nvpair id='s' name='stonith-enabled' value='false'/>", DUMMY,
        member("1", "node1", "") + notExpected + joining), NOW);
    assertThat(unfenced.node("node2").online()).isTrue();
    assertThat(unfenced.node("node2").pending()).isFalse();
    assertThat(unfenced.node("node3").online()).isFalse();
  }

  private static String keyed(String task, int call, int transition, String uuid, boolean inFlight) {
    String key = "-1:" + transition + ":0:" + uuid;
    return "<lrm_rsc_op id='d_" + task + "_0' operation='" + task + "' interval='0' call-id='" + call + "' rc-code='"
        + (inFlight ? -1 : 0) + "' op-status='" + (inFlight ? -1 : 0) + "' transition-key='" + key + "'/>";
  }

  @Test
  void aStartInFlightCountsOnlyIfNothingOfALaterTransitionFollowsIt() {
    String later = keyed("start", -1, 9, "A", true) + keyed("stop", 8, 4, "A", false);
    String earlier = keyed("start", -1, 8, "A", true) + keyed("stop", 8, 9, "A", false);
    String otherRun = keyed("start", -1, 1, "A", true) + keyed("stop", 8, 4, "B", false);
    String numbered = keyed("start", 3, 9, "A", true) + keyed("stop", 9, 4, "A", false);
    assertThat(activeNodes(later)).containsExactly("node1");
    assertThat(activeNodes(earlier)).isEmpty();
    assertThat(activeNodes(otherRun)).containsExactly("node1");
    // with a call id of its own it takes its place by call id
    assertThat(activeNodes(numbered)).isEmpty();
  }

  private static java.util.List<String> activeNodes(String ops) {
    return ClusterStatus.unpack(cib("", DUMMY, member("1", "node1", rsc("d", ops))), NOW).resourcesById().get("d")
        .activeNodes();
  }
}
