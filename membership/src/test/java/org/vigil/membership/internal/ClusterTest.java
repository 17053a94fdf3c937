package org.vigil.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.membership.internal.TestCluster.await;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.membership.KeyFile;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.Node;
import org.vigil.membership.quorum.QuorumOptions;

class ClusterTest {

    @TempDir
    Path dir;

    private static Set<Node> dcs(Collection<JGroupsMembership> nodes) {
        return nodes.stream().map(m -> m.dc().orElse(null)).collect(Collectors.toSet());
    }

    private static boolean allSee(Collection<JGroupsMembership> nodes, int size) {
        return nodes.stream().allMatch(m -> m.view().members().size() == size);
    }

    @Test
    void threeNodesJoinAndAgreeOnOneDc() throws Exception {
        try (TestCluster c = TestCluster.create(dir, 3).startAll()) {
            Collection<JGroupsMembership> all = c.running.values();
            await("3 members everywhere", () -> allSee(all, 3), () -> c.running.toString());
            c.settle();
            assertThat(dcs(all)).hasSize(1).doesNotContainNull();
            assertThat(all.stream().filter(JGroupsMembership::isDc)).hasSize(1);
            assertThat(all).allMatch(JGroupsMembership::quorate);
            assertThat(c.recorder("node1").events(MembershipEvent.NodeJoined.class))
                    .extracting(MembershipEvent.NodeJoined::node).extracting(Node::name)
                    .containsExactly("node1", "node2", "node3");
            assertThat(c.node("node2").quorumReport()).contains("Quorate:          Yes", "Total votes:      3",
                    "         2          1 node2 (local)");
        }
    }

    @Test
    void fiveNodesAgreeAndClosingTheDcGivesANewSingleDc() throws Exception {
        try (TestCluster c = TestCluster.create(dir, 5).startAll()) {
            await("5 members everywhere", () -> allSee(c.running.values(), 5));
            Set<Node> dcs = dcs(c.running.values());
            assertThat(dcs).hasSize(1);
            Node oldDc = dcs.iterator().next();

            c.stop(oldDc.name());
            await("4 members with a new DC", () -> allSee(c.running.values(), 4)
                    && dcs(c.running.values()).size() == 1 && !dcs(c.running.values()).contains(oldDc),
                    () -> c.running.values().stream().map(m -> m.view().toString()).toList().toString());
            Node newDc = dcs(c.running.values()).iterator().next();
            c.settle();
            assertThat(c.running.values().stream().filter(JGroupsMembership::isDc)).hasSize(1);
            for (String name : c.running.keySet()) {
                Recorder r = c.recorder(name);
                assertThat(r.events(MembershipEvent.NodeLost.class))
                        .containsExactly(new MembershipEvent.NodeLost(oldDc, MembershipEvent.NodeLost.Reason.LEFT,
                                r.events(MembershipEvent.NodeLost.class).get(0).view()));
                assertThat(r.events(MembershipEvent.DcChanged.class)).last()
                        .satisfies(e -> assertThat(e.dc()).isEqualTo(newDc))
                        .satisfies(e -> assertThat(e.previous()).contains(oldDc));
            }
            assertThat(c.running.values()).allMatch(JGroupsMembership::quorate);
        }
    }

    @Test
    void partitionGivesEachSideItsOwnDcAndQuorumAndTheHealMerges() throws Exception {
        try (TestCluster c = TestCluster.create(dir, 5).startAll()) {
            await("5 members everywhere", () -> allSee(c.running.values(), 5));
            List<String> majority = List.of("node1", "node2", "node3");
            List<String> minority = List.of("node4", "node5");
            majority.forEach(n -> c.node(n).isolateFrom(minority));
            minority.forEach(n -> c.node(n).isolateFrom(majority));

            List<JGroupsMembership> big = majority.stream().map(c::node).toList();
            List<JGroupsMembership> small = minority.stream().map(c::node).toList();
            await("the split into 3 + 2", () -> allSee(big, 3) && allSee(small, 2),
                    () -> c.running.values().stream().map(m -> m.view().members().toString()).toList().toString());
            assertThat(dcs(big)).hasSize(1).allMatch(dc -> majority.contains(dc.name()));
            assertThat(dcs(small)).hasSize(1).allMatch(dc -> minority.contains(dc.name()));
            c.settle();
            assertThat(big).allMatch(JGroupsMembership::quorate);
            assertThat(small).noneMatch(JGroupsMembership::quorate);
            assertThat(c.node("node4").quorumReport()).contains("Quorate:          No",
                    "Quorum:           3 Activity blocked");
            assertThat(c.recorder("node5").events(MembershipEvent.QuorumChanged.class)).last()
                    .satisfies(e -> assertThat(e.quorate()).isFalse());
            assertThat(c.recorder("node5").events(MembershipEvent.NodeLost.class))
                    .extracting(MembershipEvent.NodeLost::reason).containsOnly(MembershipEvent.NodeLost.Reason.FAILED)
                    .hasSize(3);
            assertThat(c.recorder("node1").events(MembershipEvent.NodeLost.class))
                    .extracting(MembershipEvent.NodeLost::reason).containsOnly(MembershipEvent.NodeLost.Reason.FAILED)
                    .hasSize(2);

            c.running.values().forEach(JGroupsMembership::heal);
            await("the merge back to 5", () -> allSee(c.running.values(), 5)
                    && c.recorders.values().stream().allMatch(r -> !r.events(MembershipEvent.PartitionMerged.class).isEmpty()),
                    () -> c.running.values().stream().map(m -> m.view().members().toString()).toList().toString());
            c.settle();
            assertThat(dcs(c.running.values())).hasSize(1);
            assertThat(c.running.values()).allMatch(JGroupsMembership::quorate);
            MembershipEvent.PartitionMerged merged =
                    c.recorder("node4").events(MembershipEvent.PartitionMerged.class).get(0);
            assertThat(merged.partitions()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(merged.partitions().stream().flatMap(List::stream).map(Node::name))
                    .containsExactlyInAnyOrder("node1", "node2", "node3", "node4", "node5");
        }
    }

    @Test
    void aNodeWithTheWrongKeyIsRefusedAndBothSidesCountIt() throws Exception {
        try (TestCluster c = TestCluster.create(dir, 3).start("node1", "node2")) {
            await("2 members", () -> allSee(c.running.values(), 2));
            Path otherKey = dir.resolve("other-authkey");
            KeyFile.generate(otherKey);
            MembershipConfig intruderConfig = c.config.asNode("node3").withKeyFile(otherKey);
            Recorder intruderEvents = new Recorder();
            try (JGroupsMembership intruder = JGroupsMembership.start(intruderConfig, intruderEvents, true)) {
                await("the members to refuse the intruder's traffic",
                        () -> c.node("node1").stats().rejectedUnauthenticated() > 0
                                && c.node("node2").stats().rejectedUnauthenticated() > 0
                                && intruder.stats().rejectedUnauthenticated() > 0);
                assertThat(c.running.values()).allSatisfy(m ->
                        assertThat(m.view().members()).extracting(Node::name).containsExactly("node1", "node2"));
                assertThat(intruder.view().members()).extracting(Node::name).containsExactly("node3");
                assertThat(intruder.quorate()).isFalse();
                c.settle();
                assertThat(c.recorder("node1").events(MembershipEvent.NodeJoined.class))
                        .extracting(e -> e.node().name()).doesNotContain("node3");
            }
        }
    }

    @Test
    void aNodeWithoutAKeyFileCannotStart() throws Exception {
        TestCluster c = TestCluster.create(dir, 2);
        MembershipConfig noKey = c.config.withKeyFile(dir.resolve("missing-authkey"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JGroupsMembership.start(noKey, new Recorder(), false))
                .hasMessageContaining("missing-authkey").hasMessageContaining("not found");
        Files.deleteIfExists(dir.resolve("authkey"));
    }

    @Test
    void garbageFromAMemberIsDroppedAndTheNodeGoesOn() throws Exception {
        try (TestCluster c = TestCluster.create(dir, 3).startAll()) {
            await("3 members", () -> allSee(c.running.values(), 3));
            c.node("node2").sendRaw(new byte[] {1, 2, 3});
            c.node("node2").sendRaw("not a vigil frame at all".getBytes(StandardCharsets.UTF_8));
            await("node1 and node3 to drop both", () -> c.node("node1").stats().droppedMalformed() == 2
                    && c.node("node3").stats().droppedMalformed() == 2);

            // Raw bytes on the transport port, from a process without the key.
            byte[] junk = new byte[4096];
            new Random(42).nextBytes(junk);
            int port = c.config.nodes().get(0).port();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port); OutputStream out = s.getOutputStream()) {
                out.write(junk);
                out.flush();
            }

            c.node("node2").broadcast("still alive".getBytes(StandardCharsets.UTF_8));
            await("the next message to arrive", () -> c.recorder("node1").texts().contains("still alive")
                    && c.recorder("node3").texts().contains("still alive"));
            assertThat(c.running.values()).allSatisfy(m -> assertThat(m.view().members()).hasSize(3));
            assertThat(c.recorder("node1").texts()).containsExactly("still alive");
        }
    }

    @Test
    void sendToOneBroadcastToAllInSenderOrder() throws Exception {
        try (TestCluster c = TestCluster.create(dir, 3).startAll()) {
            await("3 members", () -> allSee(c.running.values(), 3));
            JGroupsMembership sender = c.node("node1");
            List<String> expectedAtNode2 = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String text = "m" + i;
                if (i % 3 == 0) {
                    sender.broadcast(text.getBytes(StandardCharsets.UTF_8));
                } else {
                    sender.send("node2", text.getBytes(StandardCharsets.UTF_8));
                }
                expectedAtNode2.add(text);
            }
            List<String> broadcasts = expectedAtNode2.stream().filter(t -> Integer.parseInt(t.substring(1)) % 3 == 0)
                    .toList();
            await("all 300 messages at node2", () -> c.recorder("node2").messages.size() == 300);
            await("100 broadcasts at node1 and node3", () -> c.recorder("node1").messages.size() == 100
                    && c.recorder("node3").messages.size() == 100);
            assertThat(c.recorder("node2").texts()).containsExactlyElementsOf(expectedAtNode2);
            assertThat(c.recorder("node3").texts()).containsExactlyElementsOf(broadcasts);
            assertThat(c.recorder("node1").texts()).containsExactlyElementsOf(broadcasts);
            assertThat(c.recorder("node2").messages).allSatisfy(m -> assertThat(m.from().name()).isEqualTo("node1"));
            assertThat(c.running.values()).as("no legitimate message refused by the seal")
                    .allSatisfy(m -> assertThat(m.stats().rejectedUnauthenticated()).isZero());

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sender.send("node9", new byte[1]))
                    .hasMessageContaining("no node named 'node9'");
            c.stop("node3");
            await("node3 gone", () -> !sender.view().contains("node3"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sender.send("node3", new byte[1]))
                    .hasMessageContaining("not a member");
        }
    }

    @Test
    void twoNodeClusterSurvivorKeepsQuorum() throws Exception {
        try (TestCluster c = TestCluster.create(dir, 2, QuorumOptions.defaults().withTwoNode(true))) {
            c.start("node1");
            assertThat(c.node("node1").quorate()).as("wait_for_all: alone at start").isFalse();
            c.start("node2");
            await("both quorate", () -> allSee(c.running.values(), 2) && c.node("node1").quorate());
            assertThat(c.node("node1").quorumReport()).contains("Flags:            2Node Quorate WaitForAll \n");
            c.stop("node2");
            await("node2 lost", () -> allSee(c.running.values(), 1));
            c.settle();
            assertThat(c.node("node1").quorate()).isTrue();
            assertThat(c.recorder("node1").events(MembershipEvent.QuorumChanged.class))
                    .extracting(MembershipEvent.QuorumChanged::quorate).containsExactly(true);
        }
    }

    @Test
    void lastManStandingLowersExpectedVotesAfterTheWindow() throws Exception {
        QuorumOptions lms = QuorumOptions.defaults().withLastManStanding(true, java.time.Duration.ofMillis(300));
        try (TestCluster c = TestCluster.create(dir, 3, lms).startAll()) {
            await("3 members", () -> allSee(c.running.values(), 3));
            c.stop("node3");
            await("expected votes down to 2", () -> c.node("node1").view().quorum().expectedVotes() == 2,
                    () -> c.node("node1").quorumReport());
            c.stop("node2");
            await("node1 alone", () -> allSee(c.running.values(), 1));
            c.settle();
            assertThat(c.node("node1").quorate()).as("1 of 2 expected votes, no tie-breaker").isFalse();
            assertThat(c.recorder("node1").events(MembershipEvent.QuorumChanged.class))
                    .extracting(MembershipEvent.QuorumChanged::quorate).containsExactly(true, false);
        }
    }

    @Test
    void aProcessWithTheKeyButAnIdentityOrAddressNotInTheNodeListIsRefused() throws Exception {
        try (TestCluster c = TestCluster.create(dir, 2).startAll()) {
            await("2 members", () -> allSee(c.running.values(), 2));
            int spare = TestCluster.freePortBlock(1);

            List<org.vigil.membership.NodeConfig> withStranger = new ArrayList<>(c.config.nodes());
            withStranger.add(new org.vigil.membership.NodeConfig("stranger", 9, "127.0.0.1", spare));
            MembershipConfig stranger = new MembershipConfig(c.config.clusterName(), "stranger", withStranger,
                    c.config.quorum(), c.config.failureDetection(), c.config.keyFile());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> JGroupsMembership.start(stranger, new Recorder(), false))
                    .isInstanceOf(org.vigil.membership.MembershipException.class)
                    .hasMessageContaining("refused this node");

            List<org.vigil.membership.NodeConfig> movedNode2 = new ArrayList<>(c.config.nodes());
            movedNode2.set(1, new org.vigil.membership.NodeConfig("node2", 2, "127.0.0.1", spare));
            MembershipConfig duplicate = new MembershipConfig(c.config.clusterName(), "node2", movedNode2,
                    c.config.quorum(), c.config.failureDetection(), c.config.keyFile());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> JGroupsMembership.start(duplicate, new Recorder(), false))
                    .hasMessageContaining("refused this node");

            assertThat(c.running.values()).allSatisfy(m ->
                    assertThat(m.view().members()).extracting(Node::name).containsExactly("node1", "node2"));

            c.stop("node2");
            await("node2 gone", () -> allSee(c.running.values(), 1));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> JGroupsMembership.start(duplicate, new Recorder(), false))
                    .as("node2 from an address the node list does not give it").hasMessageContaining("refused this node");
        }
    }

    @Test
    void aPortInUseIsAClearStartError() throws Exception {
        TestCluster c = TestCluster.create(dir, 2);
        int port = c.config.localNode().port();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> JGroupsMembership.start(c.config, new Recorder(), false))
                    .isInstanceOf(org.vigil.membership.MembershipException.class)
                    .hasMessageContaining("node1").hasMessageContaining("127.0.0.1:" + port);
        }
    }
}
