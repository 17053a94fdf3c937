package org.vigil.controller.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.CibVersion;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.xml.CibXml;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.MembershipView;
import org.vigil.membership.Node;
import org.vigil.membership.quorum.Quorum;
import org.vigil.membership.quorum.QuorumOptions;
import org.vigil.protocol.ErrorCode;
import org.vigil.protocol.Reply;
import org.vigil.protocol.Request;
import org.vigil.protocol.Scope;

class CibReplicaTest {

  static Request addDummy(String id) {
    return new Request.Update("<configuration><resources><primitive id=\"" + id
        + "\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/></resources></configuration>");
  }

  private static void assertAllHoldTheSameCib(ReplicaHarness h) {
    ReplicaHarness.SimNode first = h.running.values().iterator().next();
    for (ReplicaHarness.SimNode n : h.running.values()) {
      assertThat(n.replica.cib().version()).as(n.name).isEqualTo(first.replica.cib().version());
      assertThat(n.replica.digest()).as(n.name).isEqualTo(first.replica.digest());
      assertThat(h.stored.get(n.name)).as(n.name + " stored").isEqualTo(n.replica.cib());
    }
  }

  private static NodeState state(Cib cib, String uname) {
    return cib.status().nodeStates().stream().filter(s -> uname.equals(s.uname())).findFirst().orElseThrow();
  }

  @Test
  void formingClusterRecordsEveryMemberAndTheDcInOneCib() {
    ReplicaHarness h = new ReplicaHarness(3, QuorumOptions.defaults());
    h.start("node1");
    h.start("node2");
    h.start("node3");
    assertAllHoldTheSameCib(h);
    Cib cib = h.node("node2").replica.cib();
    assertThat(cib.configuration().nodes()).extracting(n -> n.uname()).containsExactly("node1", "node2", "node3");
    for (String n : Set.of("node1", "node2", "node3")) {
      NodeState s = state(cib, n);
      assertThat(s.inCcm()).isEqualTo("true");
      assertThat(s.crmd()).isEqualTo("online");
      assertThat(s.join()).isEqualTo("member");
    }
    assertThat(cib.attr("dc-uuid")).isEqualTo("1");
    assertThat(cib.haveQuorum()).isTrue();
  }

  @Test
  void aWriteOnAnyNodeGoesThroughTheDcToEveryNode() {
    ReplicaHarness h = new ReplicaHarness(3, QuorumOptions.defaults());
    h.start("node1");
    h.start("node2");
    h.start("node3");
    CibVersion before = h.node("node3").replica.cib().version();
    Reply r = h.writeAndReply("node3", addDummy("r1"));
    assertThat(r).isInstanceOf(Reply.Committed.class);
    CibVersion v = ((Reply.Committed) r).version();
    assertThat(v.epoch()).isEqualTo(before.epoch() + 1);
    assertAllHoldTheSameCib(h);
    assertThat(h.node("node1").replica.cib().configuration().findResource("r1")).isPresent();
    assertThat(h.node("node1").replica.cib().version()).isEqualTo(v);
    Cib cib = h.node("node1").replica.cib();
    assertThat(cib.attr("update-origin")).isEqualTo("node3");
    assertThat(cib.attr("update-client")).isEqualTo("crm");
    assertThat(cib.attr("update-user")).isEqualTo("tester");
    assertThat(cib.attr("cib-last-written")).isEqualTo("Mon Nov 23 12:00:00 2026");
  }

  @Test
  void staleOrInvalidWritesAreRefusedAndChangeNothing() {
    ReplicaHarness h = new ReplicaHarness(3, QuorumOptions.defaults());
    h.start("node1");
    h.start("node2");
    h.start("node3");
    Cib before = h.node("node2").replica.cib();
    String xml = h.node("node2").replica.xml();
    h.writeAndReply("node1", addDummy("r1"));
    Reply stale = h.writeAndReply("node2", new Request.Replace(Scope.CIB, xml, Optional.of(before.version())));
    assertThat(stale).isInstanceOfSatisfying(Reply.Failure.class,
        f -> assertThat(f.code()).isEqualTo(ErrorCode.VERSION_CONFLICT));
    Cib afterFirst = h.node("node2").replica.cib();

    Reply malformed = h.writeAndReply("node2", new Request.Update("<configuration><resources>"));
    assertThat(malformed).isInstanceOfSatisfying(Reply.Failure.class,
        f -> assertThat(f.code()).isEqualTo(ErrorCode.INVALID_XML));
    Reply dangling = h.writeAndReply("node3", new Request.Update(
        "<configuration><constraints><rsc_location id=\"l1\" rsc=\"nosuch\" node=\"node1\" score=\"10\"/>"
            + "</constraints></configuration>"));
    assertThat(dangling).isInstanceOfSatisfying(Reply.Failure.class,
        f -> assertThat(f.code()).isEqualTo(ErrorCode.INVALID_CIB));
    Reply missing = h.writeAndReply("node1", new Request.Delete("nosuch"));
    assertThat(missing).isInstanceOfSatisfying(Reply.Failure.class,
        f -> assertThat(f.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThat(h.node("node3").replica.cib()).isEqualTo(afterFirst);
    assertAllHoldTheSameCib(h);

    assertThat(h.writeAndReply("node3", new Request.Delete("r1"))).isInstanceOf(Reply.Committed.class);
    assertThat(h.node("node1").replica.cib().configuration().findResource("r1")).isEmpty();
    assertAllHoldTheSameCib(h);
  }

  @Test
  void whenTheDcCrashesTheNewDcKeepsEveryCommittedChangeAndMarksTheNodeDown() {
    ReplicaHarness h = new ReplicaHarness(3, QuorumOptions.defaults());
    h.start("node1");
    h.start("node2");
    h.start("node3");
    CibVersion committed = ((Reply.Committed) h.writeAndReply("node2", addDummy("r1"))).version();
    h.crash("node1");
    assertThat(h.dc()).isEqualTo("node2");
    assertAllHoldTheSameCib(h);
    Cib cib = h.node("node3").replica.cib();
    assertThat(cib.configuration().findResource("r1")).isPresent();
    assertThat(cib.version()).isGreaterThan(committed);
    NodeState lost = state(cib, "node1");
    assertThat(lost.inCcm()).isEqualTo("false");
    assertThat(lost.crmd()).isEqualTo("offline");
    assertThat(lost.expected()).as("a crashed node is not known to be down").isEqualTo("member");
    assertThat(cib.attr("dc-uuid")).isEqualTo("2");
  }

  @Test
  void aCleanLeaveIsRecordedAsExpectedDown() {
    ReplicaHarness h = new ReplicaHarness(3, QuorumOptions.defaults());
    h.start("node1");
    h.start("node2");
    h.start("node3");
    h.running.remove("node3").membership.close();
    assertThat(state(h.node("node1").replica.cib(), "node3").expected()).isEqualTo("down");
  }

  @Test
  void aRestartedNodeWithAStaleCibCatchesUp() {
    ReplicaHarness h = new ReplicaHarness(3, QuorumOptions.defaults());
    h.start("node1");
    h.start("node2");
    h.start("node3");
    h.crash("node3");
    h.writeAndReply("node1", addDummy("r1"));
    h.writeAndReply("node2", addDummy("r2"));
    Cib stale = h.stored.get("node3");
    assertThat(stale.configuration().findResource("r2")).isEmpty();
    h.start("node3");
    assertAllHoldTheSameCib(h);
    assertThat(h.node("node3").replica.cib().configuration().findResource("r2")).isPresent();
    assertThat(h.notices).anyMatch(n -> n.contains("node node3 catches up from CIB " + stale.version()));
  }

  @Test
  void afterAPartitionHealsTheHighestCibWinsEverywhereAndTheLosingChangesAreLogged() {
    ReplicaHarness h = new ReplicaHarness(5, QuorumOptions.defaults());
    for (int i = 1; i <= 5; i++) {
      h.start("node" + i);
    }
    h.cluster.partition(Set.of("node1", "node2", "node3"), Set.of("node4", "node5"));
    assertThat(h.node("node4").membership.quorate()).isFalse();
    assertThat(h.node("node4").replica.cib().haveQuorum()).isFalse();
    assertThat(h.writeAndReply("node2", addDummy("majority1"))).isInstanceOf(Reply.Committed.class);
    assertThat(h.writeAndReply("node3", addDummy("majority2"))).isInstanceOf(Reply.Committed.class);
    assertThat(h.writeAndReply("node5", addDummy("minority1"))).isInstanceOf(Reply.Committed.class);
    h.notices.clear();

    h.cluster.heal();

    assertAllHoldTheSameCib(h);
    Cib cib = h.node("node4").replica.cib();
    assertThat(cib.configuration().findResource("majority1")).isPresent();
    assertThat(cib.configuration().findResource("majority2")).isPresent();
    assertThat(cib.configuration().findResource("minority1")).isEmpty();
    assertThat(h.notices).anyMatch(n -> n.contains("WARN") && n.contains("of node node4 loses")
        && n.contains("resource minority1 (absent)"));
    for (int i = 1; i <= 5; i++) {
      assertThat(state(cib, "node" + i).inCcm()).isEqualTo("true");
    }
    assertThat(cib.haveQuorum()).isTrue();
  }

  @Test
  void writesQueuedAtADcThatLosesItsRoleAreAnsweredNotLost() {
    ReplicaHarness h = new ReplicaHarness(3, QuorumOptions.defaults());
    h.start("node1");
    h.start("node2");
    h.start("node3");
    // node2 forwards to node1, which crashes before anything arrives: node2 answers its client.
    ReplicaHarness.SimNode n2 = h.node("node2");
    long id = 99;
    n2.replica.onClientWrite(id, addDummy("r1"), "tester", ReplicaHarness.NOW); // effects dropped: the message never leaves
    h.crash("node1");
    assertThat(h.replies.get(id)).isInstanceOfSatisfying(Reply.Failure.class,
        f -> assertThat(f.code()).isEqualTo(ErrorCode.UNAVAILABLE));
  }

  @Test
  void aMemberThatMissedACommitIsBroughtBackByTheDcsPeriodicDigest() {
    ReplicaHarness h = new ReplicaHarness(3, QuorumOptions.defaults());
    h.start("node1");
    h.start("node2");
    h.start("node3");
    h.node("node3").drop = m -> m instanceof ClusterMessage.Commit;
    long id = h.write("node2", addDummy("r1"));
    assertThat(h.replies.get(id)).as("not committed while node3 has not stored it").isNull();
    h.node("node3").drop = m -> false;
    h.tick("node1");
    assertThat(h.replies.get(id)).isInstanceOf(Reply.Committed.class);
    assertAllHoldTheSameCib(h);
    assertThat(h.notices).anyMatch(n -> n.startsWith("node3: WARN this node's CIB"));
  }

  @Test
  void aDcThatMissedAnAnnounceAsksAgainAfterTwoTicks() {
    ReplicaHarness h = new ReplicaHarness(3, QuorumOptions.defaults());
    h.start("node1");
    h.start("node2");
    h.node("node1").drop = m -> m instanceof ClusterMessage.Announce;
    h.start("node3");
    assertThat(h.node("node1").replica.syncing()).isTrue();
    long id = h.write("node3", addDummy("r1"));
    assertThat(h.replies.get(id)).as("writes wait for the CIBs to be gathered").isNull();
    h.node("node1").drop = m -> false;
    h.tick("node1");
    assertThat(h.node("node1").replica.syncing()).isTrue();
    h.tick("node1");
    assertThat(h.node("node1").replica.syncing()).isFalse();
    assertThat(h.replies.get(id)).isInstanceOf(Reply.Committed.class);
    assertAllHoldTheSameCib(h);
  }

  @Test
  void anAnnounceThatArrivesBeforeTheDcInstallsTheMembershipIsKept() {
    Node n1 = new Node("node1", 1);
    Node n2 = new Node("node2", 2);
    Map<Integer, Integer> votes = Map.of(1, 1, 2, 1);
    CibReplica dc = new CibReplica("node1", Map.of("node1", 1, "node2", 2), Cib.empty());
    MembershipView alone = new MembershipView("1.1", List.of(n1), Optional.of(n1),
        Quorum.initial(votes, QuorumOptions.defaults()).withMembers(List.of(1), 0));
    dc.onMembership(new MembershipEvent.NodeJoined(n1, alone));
    dc.flush();
    assertThat(dc.syncing()).isFalse();
    Cib other = Cib.empty();
    dc.onMessage("node2", new ClusterMessage.Announce("1.2", other.version(), "x", CibXml.write(other)));
    MembershipView both = new MembershipView("1.2", List.of(n1, n2), Optional.of(n1),
        Quorum.initial(votes, QuorumOptions.defaults()).withMembers(List.of(1, 2), 0));
    dc.onMembership(new MembershipEvent.NodeJoined(n2, both));
    assertThat(dc.syncing()).isFalse();
  }
}
