package org.vigil.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.membership.internal.TestCluster.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.Node;

/** A node in its own process is killed with SIGKILL; the others notice and keep quorum. */
@Tag("multiprocess")
class ProcessKillTest {

    @TempDir
    Path dir;

    @Test
    void aSigkilledNodeIsLostAndTheRestKeepQuorum() throws Exception {
        try (TestCluster c = TestCluster.create(dir, 3).start("node1", "node2")) {
            Process child = new ProcessBuilder(NodeMain.command(c.config, "node3"))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.startsWith("READY"));
                assertThat(line).as("the child node's READY line").isNotNull();
                await("node3 in both views", () -> c.node("node1").view().contains("node3")
                        && c.node("node2").view().contains("node3"));

                long killedAt = System.nanoTime();
                child.destroyForcibly();
                await("node3 lost everywhere", () -> !c.node("node1").view().contains("node3")
                        && !c.node("node2").view().contains("node3"));
                System.out.printf("SIGKILLed node3 left both views after %d ms%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
                c.settle();
                assertThat(c.recorder("node1").events(MembershipEvent.NodeLost.class))
                        .extracting(MembershipEvent.NodeLost::node).extracting(Node::name).containsExactly("node3");
                assertThat(c.recorder("node1").events(MembershipEvent.NodeLost.class))
                        .extracting(MembershipEvent.NodeLost::reason).containsExactly(MembershipEvent.NodeLost.Reason.FAILED);
                assertThat(c.node("node1").quorate()).isTrue();
                assertThat(c.node("node2").quorate()).isTrue();
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aSigkilledDcIsReplacedByOneNewDc() throws Exception {
        try (TestCluster c = TestCluster.create(dir, 3)) {
            Process child = new ProcessBuilder(NodeMain.command(c.config, "node1"))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.startsWith("READY"));
                assertThat(line).as("the child node's READY line").isNotNull();
                c.start("node2", "node3");
                await("3 members with node1 as DC", () -> c.running.values().stream()
                        .allMatch(m -> m.view().members().size() == 3 && m.dc().map(Node::name).orElse("").equals("node1")));

                child.destroyForcibly();
                await("one new DC among the survivors", () -> c.running.values().stream()
                        .allMatch(m -> m.view().members().size() == 2)
                        && c.running.values().stream().map(m -> m.dc().orElseThrow()).distinct().count() == 1);
                c.settle();
                assertThat(c.node("node2").dc()).map(Node::name).hasValueSatisfying(dc ->
                        assertThat(dc).isIn("node2", "node3"));
                assertThat(c.running.values().stream().filter(JGroupsMembership::isDc)).hasSize(1);
                assertThat(c.recorder("node3").events(MembershipEvent.DcChanged.class)).last()
                        .satisfies(e -> assertThat(e.previous()).map(Node::name).contains("node1"));
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
