package org.vigil.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.membership.internal.TestCluster.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.membership.FailureDetection;
import org.vigil.membership.KeyFile;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.NodeConfig;
import org.vigil.membership.quorum.QuorumOptions;

/**
 * Two nodes in two network namespaces joined by a veth pair: they join, see each other lost when the
 * link goes down, and merge when it comes back. Needs root and iproute2; skipped otherwise.
 */
@Tag("netns")
class NetnsTest {

    @TempDir
    Path dir;

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Test
    void twoNamespacesPartitionAndMergeOverAVethLink() throws Exception {
        String tag = "vgm" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        String nsA = tag + "a";
        String nsB = tag + "b";
        int subnet = ThreadLocalRandom.current().nextInt(1, 250);
        String ipA = "10.231." + subnet + ".1";
        String ipB = "10.231." + subnet + ".2";
        Assumptions.assumeTrue(run("ip", "netns", "add", nsA) == 0,
                "needs root and iproute2 to create network namespaces ('ip netns add' failed)");
        List<Process> nodes = new ArrayList<>();
        try {
            Assumptions.assumeTrue(run("ip", "netns", "add", nsB) == 0, "cannot create a second namespace");
            List<String[]> setup = List.of(
                    new String[] {"ip", "link", "add", tag + "va", "type", "veth", "peer", "name", tag + "vb"},
                    new String[] {"ip", "link", "set", tag + "va", "netns", nsA},
                    new String[] {"ip", "link", "set", tag + "vb", "netns", nsB},
                    new String[] {"ip", "-n", nsA, "addr", "add", ipA + "/24", "dev", tag + "va"},
                    new String[] {"ip", "-n", nsB, "addr", "add", ipB + "/24", "dev", tag + "vb"},
                    new String[] {"ip", "-n", nsA, "link", "set", tag + "va", "up"},
                    new String[] {"ip", "-n", nsB, "link", "set", tag + "vb", "up"},
                    new String[] {"ip", "-n", nsA, "link", "set", "lo", "up"},
                    new String[] {"ip", "-n", nsB, "link", "set", "lo", "up"});
            for (String[] cmd : setup) {
                assertThat(run(cmd)).as(String.join(" ", cmd)).isZero();
            }

            Path key = dir.resolve("authkey");
            KeyFile.generate(key);
            MembershipConfig config = new MembershipConfig("netns", "a",
                    List.of(new NodeConfig("a", 1, ipA, 7800), new NodeConfig("b", 2, ipB, 7800)),
                    QuorumOptions.defaults().withTwoNode(true), FailureDetection.defaults(), key);
            List<String> outA = new CopyOnWriteArrayList<>();
            List<String> outB = new CopyOnWriteArrayList<>();
            nodes.add(startIn(nsA, config, "a", outA));
            await("a to start", () -> outA.stream().anyMatch(l -> l.startsWith("READY")), outA::toString);
            nodes.add(startIn(nsB, config, "b", outB));
            await("a and b to join", () -> outA.contains("EVENT NodeJoined [a(1), b(2)]")
                    && outB.stream().anyMatch(l -> l.startsWith("READY [a(1), b(2)]")), () -> outA + " " + outB);

            assertThat(run("ip", "-n", nsA, "link", "set", tag + "va", "down")).isZero();
            await("each to lose the other", () -> outA.contains("EVENT NodeLost [a(1)]")
                    && outB.contains("EVENT NodeLost [b(2)]"), () -> outA + " " + outB);

            assertThat(run("ip", "-n", nsA, "link", "set", tag + "va", "up")).isZero();
            // Either former DC may lead the merge, so the merged view may list b first.
            await("the merge", () -> outA.stream().anyMatch(l -> l.startsWith("EVENT PartitionMerged"))
                    && outB.stream().anyMatch(l -> l.startsWith("EVENT PartitionMerged")), () -> outA + " " + outB);
        } finally {
            for (Process p : nodes) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            run("ip", "netns", "del", nsA);
            run("ip", "netns", "del", nsB);
        }
    }

    private static Process startIn(String ns, MembershipConfig config, String node, List<String> out)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(NodeMain.command(config, node));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "netns-" + node);
        reader.setDaemon(true);
        reader.start();
        return p;
    }
}
