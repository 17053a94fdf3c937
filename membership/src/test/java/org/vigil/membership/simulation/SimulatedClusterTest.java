package org.vigil.membership.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vigil.membership.FailureDetection;
import org.vigil.membership.Membership;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.MembershipException;
import org.vigil.membership.MembershipListener;
import org.vigil.membership.Node;
import org.vigil.membership.NodeConfig;
import org.vigil.membership.quorum.QuorumOptions;

class SimulatedClusterTest {

    private static MembershipConfig config(int size, QuorumOptions quorum) {
        List<NodeConfig> nodes = IntStream.rangeClosed(1, size)
                .mapToObj(i -> new NodeConfig("node" + i, i, "10.0.0." + i, 7800)).toList();
        return new MembershipConfig("sim", "node1", nodes, quorum, FailureDetection.defaults(), Path.of("unused"));
    }

    /** Records what one node heard, as text. */
    private static final class Log implements MembershipListener {
        final List<String> lines = new ArrayList<>();
        Membership self;

        @Override
        public void onEvent(MembershipEvent e) {
            String what = switch (e.getClass().getSimpleName()) {
                case "NodeJoined" -> "joined " + ((MembershipEvent.NodeJoined) e).node().name();
                case "NodeLost" -> "lost " + ((MembershipEvent.NodeLost) e).node().name() + " "
                        + ((MembershipEvent.NodeLost) e).reason();
                case "PartitionMerged" -> "merged " + ((MembershipEvent.PartitionMerged) e).partitions().size();
                case "QuorumChanged" -> "quorate " + ((MembershipEvent.QuorumChanged) e).quorate();
                case "DcChanged" -> "dc " + ((MembershipEvent.DcChanged) e).dc().name();
                default -> throw new AssertionError(e);
            };
            lines.add(what);
        }

        @Override
        public void onMessage(Node from, byte[] payload) {
            String text = new String(payload, StandardCharsets.UTF_8);
            lines.add("msg " + from.name() + " " + text);
            if (text.startsWith("ping") && self != null) {
                try {
                    self.send(from.name(), ("pong-" + text).getBytes(StandardCharsets.UTF_8));
                } catch (MembershipException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
    }

    @Test
    void joinsDcHandOverAndEventOrder() {
        SimulatedCluster sim = new SimulatedCluster(config(3, QuorumOptions.defaults()));
        Log l1 = new Log();
        Log l2 = new Log();
        Membership n1 = sim.start("node1", l1);
        Membership n2 = sim.start("node2", l2);
        sim.start("node3", new Log());
        assertThat(l1.lines).containsExactly("joined node1", "dc node1", "joined node2", "quorate true",
                "joined node3");
        assertThat(n2.dc()).map(Node::name).contains("node1");
        assertThat(n1.isDc()).isTrue();

        n1.close();
        assertThat(l2.lines).endsWith("lost node1 LEFT", "dc node2");
        assertThat(n2.isDc()).isTrue();
        assertThat(n2.quorate()).isTrue();
        sim.crash("node3");
        assertThat(l2.lines).endsWith("lost node3 FAILED", "quorate false");
    }

    @Test
    void partitionsHaveTheirOwnDcAndQuorumAndMergeOnHeal() {
        SimulatedCluster sim = new SimulatedCluster(config(5, QuorumOptions.defaults()));
        List<Log> logs = new ArrayList<>();
        List<Membership> nodes = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Log l = new Log();
            logs.add(l);
            nodes.add(sim.start("node" + i, l));
        }
        sim.partition(Set.of("node1", "node2", "node3"), Set.of("node4", "node5"));
        assertThat(nodes.get(0).view().members()).hasSize(3);
        assertThat(nodes.get(0).quorate()).isTrue();
        assertThat(nodes.get(4).view().members()).extracting(Node::name).containsExactly("node4", "node5");
        assertThat(nodes.get(4).quorate()).isFalse();
        assertThat(nodes.get(4).dc()).map(Node::name).contains("node4");
        assertThat(logs.get(4).lines).endsWith("lost node1 FAILED", "lost node2 FAILED", "lost node3 FAILED",
                "quorate false", "dc node4");

        sim.heal();
        assertThat(nodes).allSatisfy(m -> assertThat(m.view().members()).hasSize(5));
        assertThat(nodes.stream().map(m -> m.dc().orElseThrow()).distinct()).hasSize(1);
        assertThat(logs.get(4).lines).endsWith("joined node1", "joined node2", "joined node3", "merged 2",
                "quorate true", "dc node1");
    }

    @Test
    void messagesAreFifoPerSenderStayInsideThePartitionAndListenersMayReply() throws Exception {
        SimulatedCluster sim = new SimulatedCluster(config(3, QuorumOptions.defaults()));
        Log l1 = new Log();
        Log l2 = new Log();
        Log l3 = new Log();
        Membership n1 = sim.start("node1", l1);
        Membership n2 = sim.start("node2", l2);
        l2.self = n2;
        sim.start("node3", l3);
        n1.send("node2", "a".getBytes(StandardCharsets.UTF_8));
        n1.broadcast("b".getBytes(StandardCharsets.UTF_8));
        n1.send("node2", "ping1".getBytes(StandardCharsets.UTF_8));
        assertThat(l2.lines).endsWith("msg node1 a", "msg node1 b", "msg node1 ping1");
        assertThat(l1.lines).endsWith("msg node1 b", "msg node2 pong-ping1");
        assertThat(l3.lines).endsWith("msg node1 b");

        sim.partition(Set.of("node1"), Set.of("node2", "node3"));
        assertThatThrownBy(() -> n1.send("node2", new byte[1])).hasMessageContaining("not a member");
        n1.broadcast("alone".getBytes(StandardCharsets.UTF_8));
        assertThat(l2.lines).doesNotContain("msg node1 alone");
    }

    @Test
    void lastManStandingRunsOnTheVirtualClock() {
        SimulatedCluster sim = new SimulatedCluster(config(3,
                QuorumOptions.defaults().withLastManStanding(true, Duration.ofSeconds(10))));
        Membership n1 = sim.start("node1", new Log());
        sim.start("node2", new Log());
        sim.start("node3", new Log());
        sim.crash("node3");
        sim.advance(Duration.ofSeconds(9));
        assertThat(n1.view().quorum().expectedVotes()).isEqualTo(3);
        sim.advance(Duration.ofSeconds(1));
        assertThat(n1.view().quorum().expectedVotes()).isEqualTo(2);
        assertThat(n1.quorumReport()).contains("Expected votes:   2", "Flags:            Quorate LastManStanding");
    }
}
