package org.vigil.membership.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.vigil.membership.FailureDetection;
import org.vigil.membership.KeyFile;
import org.vigil.membership.MembershipConfig;
import org.vigil.membership.MembershipException;
import org.vigil.membership.NodeConfig;
import org.vigil.membership.quorum.QuorumOptions;

/**
 * In-JVM clusters on 127.0.0.1 with real TCP, for tests and benchmarks. Ports are picked free per
 * cluster; the failure detector's ports (transport port + 100) are checked free too.
 */
final class TestCluster implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    final MembershipConfig config;
    final Map<String, JGroupsMembership> running = new LinkedHashMap<>();
    final Map<String, Recorder> recorders = new LinkedHashMap<>();

    private TestCluster(MembershipConfig config) {
        this.config = config;
    }

    /** A cluster of {@code size} nodes node1..nodeN (ids 1..N) sharing a fresh key in {@code dir}. */
    static TestCluster create(Path dir, int size, QuorumOptions quorum) throws MembershipException {
        Path key = dir.resolve("authkey");
        KeyFile.generate(key);
        int base = freePortBlock(size);
        List<NodeConfig> nodes = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            nodes.add(new NodeConfig("node" + i, i, "127.0.0.1", base + i - 1));
        }
        return new TestCluster(new MembershipConfig("test-" + base, "node1", nodes, quorum,
                FailureDetection.defaults(), key));
    }

    static TestCluster create(Path dir, int size) throws MembershipException {
        return create(dir, size, QuorumOptions.defaults());
    }

    /** Starts the named nodes one after the other (each join completes before the next starts). */
    TestCluster start(String... names) throws MembershipException {
        for (String name : names) {
            Recorder recorder = new Recorder();
            recorders.put(name, recorder);
            running.put(name, JGroupsMembership.start(config.asNode(name), recorder, true));
        }
        return this;
    }

    TestCluster startAll() throws MembershipException {
        return start(config.nodes().stream().map(NodeConfig::name).toArray(String[]::new));
    }

    JGroupsMembership node(String name) {
        return running.get(name);
    }

    Recorder recorder(String name) {
        return recorders.get(name);
    }

    void stop(String name) {
        JGroupsMembership m = running.remove(name);
        if (m != null) {
            m.close();
        }
    }

    /** Waits until every running node has delivered all events of the views it has installed. */
    void settle() throws Exception {
        for (JGroupsMembership m : running.values()) {
            m.awaitDelivered();
        }
    }

    @Override
    public void close() {
        new ArrayList<>(running.keySet()).forEach(this::stop);
    }

    /** Waits until {@code condition} holds, polling; fails with {@code what} after {@link #WAIT}. */
    static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what + "; "
                        + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** A block of {@code size} consecutive free ports whose +100..+105 neighbours are free as well. */
    static int freePortBlock(int size) {
        for (int attempt = 0; attempt < 200; attempt++) {
            // below Linux's ephemeral range (32768-60999): a member's outgoing connection must
            // not take a port that a node started later was given
            int base = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (allFree(base, size) && allFree(base + 100, size + 5)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of " + size + " ports on 127.0.0.1");
    }

    private static boolean allFree(int from, int count) {
        for (int p = from; p < from + count; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
