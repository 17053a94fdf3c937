package org.vigil.membership.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.membership.MembershipEvent;
import org.vigil.membership.MembershipListener;
import org.vigil.membership.Node;

/**
 * Membership benchmark (run by bench/membership-bench.sh):
 * <ol>
 * <li>failure detection: a node in its own JVM is SIGKILLed (and, separately, SIGSTOPped); time from the
 *     signal until both surviving nodes have installed the membership without it, median of N;</li>
 * <li>partition: 5 in-JVM nodes cut 3 | 2 (DISCARD), time to install both sides' views, then from the
 *     heal to the merged view (up to 3 rounds);</li>
 * <li>throughput: messages per second from one node to the two others (broadcast), and to one (send),
 *     counted when both receivers have delivered all of them;</li>
 * <li>stability (optional): an idle 3-node cluster watched for N seconds; every membership change is
 *     spurious, and the machine's load average is printed next to the count.</li>
 * </ol>
 * Arguments: {@code [kill-rounds (10)] [stop-rounds (5)] [messages (100000)] [stability-seconds (0)]}.
 */
public final class MembershipBench {

    private MembershipBench() {
    }

    public static void main(String[] args) throws Exception {
        int killRounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int stopRounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int stabilitySeconds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path dir = Files.createTempDirectory("vigil-membership-bench");
        try {
            System.out.printf(Locale.ROOT, "failure detection defaults: %s%n",
                    org.vigil.membership.FailureDetection.defaults());
            detection(dir.resolve("kill"), killRounds, "SIGKILL", "-KILL");
            detection(dir.resolve("stop"), stopRounds, "SIGSTOP", "-STOP");
            partitions(dir.resolve("split"), Math.min(killRounds, 3));
            if (messages > 0) {
                throughput(dir.resolve("tput"), messages, 100);
                throughput(dir.resolve("tput1k"), messages / 2, 1000);
            }
            if (stabilitySeconds > 0) {
                stability(dir.resolve("stable"), stabilitySeconds);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void detection(Path dir, int rounds, String label, String signal) throws Exception {
        if (rounds < 1) {
            return;
        }
        Files.createDirectories(dir);
        List<Long> millis = new ArrayList<>();
        try (TestCluster c = TestCluster.create(dir, 3).start("node1", "node2")) {
            for (int round = 0; round < rounds; round++) {
                Process child = new ProcessBuilder(NodeMain.command(c.config, "node3"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    awaitReady(child);
                    TestCluster.await("node3 to join", () -> c.node("node1").view().contains("node3")
                            && c.node("node2").view().contains("node3"));
                    long t0 = System.nanoTime();
                    Process kill = new ProcessBuilder("kill", signal, Long.toString(child.pid())).start();
                    TestCluster.await(label + "ed node3 to be lost", () -> !c.node("node1").view().contains("node3")
                            && !c.node("node2").view().contains("node3"));
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    kill.waitFor();
                    millis.add(ms);
                    System.out.printf(Locale.ROOT, "  %s round %d: %d ms%n", label, round + 1, ms);
                } finally {
                    child.destroyForcibly();
                    child.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "%s detection (signal to new membership on both survivors): median %d ms,"
                + " min %d ms, max %d ms over %d rounds%n", label, median(millis), millis.get(0),
                millis.get(millis.size() - 1), millis.size());
    }

    private static void awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine();
        } while (line != null && !line.startsWith("READY"));
        if (line == null) {
            throw new IllegalStateException("child node exited before joining");
        }
        // Keep draining its output so it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (Exception ignored) {
                // the child is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    private static void throughput(Path dir, int messages, int size) throws Exception {
        Files.createDirectories(dir);
        try (TestCluster c = TestCluster.create(dir, 3)) {
            Counter[] counters = {new Counter(), new Counter(), new Counter()};
            for (int i = 0; i < 3; i++) {
                String name = "node" + (i + 1);
                c.running.put(name, JGroupsMembership.start(c.config.asNode(name), counters[i], false));
            }
            TestCluster.await("3 members", () -> c.running.values().stream()
                    .allMatch(m -> m.view().members().size() == 3));
            byte[] payload = new byte[size];
            JGroupsMembership sender = c.node("node1");
            // Warm-up, not counted.
            for (int i = 0; i < 2000; i++) {
                sender.broadcast(payload);
            }
            TestCluster.await("warm-up", () -> counters[1].count.get() == 2000 && counters[2].count.get() == 2000);
            counters[1].count.set(0);
            counters[2].count.set(0);

            long t0 = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                sender.broadcast(payload);
            }
            TestCluster.await("broadcasts", () -> counters[1].count.get() == messages
                    && counters[2].count.get() == messages);
            report("broadcast to 2 others", messages, size, System.nanoTime() - t0);

            counters[1].count.set(0);
            t0 = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                sender.send("node2", payload);
            }
            TestCluster.await("sends", () -> counters[1].count.get() == messages);
            report("send to 1 node", messages, size, System.nanoTime() - t0);
            System.out.printf(Locale.ROOT, "  legitimate messages refused by the seal (must be 0): %s%n",
                    c.running.values().stream().map(m -> m.stats().rejectedUnauthenticated()).toList());
        }
    }

    /** 5 nodes cut 3 | 2 with DISCARD: time until both sides install their view, then until the heal merges. */
    private static void partitions(Path dir, int rounds) throws Exception {
        if (rounds < 1) {
            return;
        }
        Files.createDirectories(dir);
        List<Long> split = new ArrayList<>();
        List<Long> merge = new ArrayList<>();
        List<String> left = List.of("node1", "node2", "node3");
        List<String> right = List.of("node4", "node5");
        try (TestCluster c = TestCluster.create(dir, 5).startAll()) {
            for (int round = 0; round < rounds; round++) {
                TestCluster.await("5 members", () -> c.running.values().stream()
                        .allMatch(m -> m.view().members().size() == 5));
                long t0 = System.nanoTime();
                left.forEach(n -> c.node(n).isolateFrom(right));
                right.forEach(n -> c.node(n).isolateFrom(left));
                TestCluster.await("the split", () -> left.stream().allMatch(n -> c.node(n).view().members().size() == 3)
                        && right.stream().allMatch(n -> c.node(n).view().members().size() == 2));
                long t1 = System.nanoTime();
                c.running.values().forEach(JGroupsMembership::heal);
                TestCluster.await("the merge", () -> c.running.values().stream()
                        .allMatch(m -> m.view().members().size() == 5));
                long t2 = System.nanoTime();
                split.add(TimeUnit.NANOSECONDS.toMillis(t1 - t0));
                merge.add(TimeUnit.NANOSECONDS.toMillis(t2 - t1));
                System.out.printf(Locale.ROOT, "  partition round %d: split installed after %d ms, merged %d ms after"
                        + " the heal%n", round + 1, split.get(round), merge.get(round));
            }
        }
        Collections.sort(split);
        Collections.sort(merge);
        System.out.printf(Locale.ROOT, "partition 3|2 of 5: split installed median %d ms; heal to merged view median"
                + " %d ms (max %d ms) over %d rounds%n", median(split), median(merge), merge.get(merge.size() - 1),
                rounds);
    }

    private static void stability(Path dir, int seconds) throws Exception {
        Files.createDirectories(dir);
        try (TestCluster c = TestCluster.create(dir, 3).startAll()) {
            TestCluster.await("3 members", () -> c.running.values().stream()
                    .allMatch(m -> m.view().members().size() == 3));
            int before = c.recorders.values().stream().mapToInt(r -> r.events.size()).sum();
            double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                Thread.sleep(200);
            }
            double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long lost = c.recorders.values().stream().mapToLong(r -> r.events(MembershipEvent.NodeLost.class).size())
                    .sum();
            int after = c.recorders.values().stream().mapToInt(r -> r.events.size()).sum();
            System.out.printf(Locale.ROOT, "stability: idle 3-node cluster for %d s, load average %.1f -> %.1f on %d"
                    + " CPUs: %d spurious node-lost events, %d events in total%n", seconds, loadBefore, loadAfter,
                    Runtime.getRuntime().availableProcessors(), lost, after - before);
        }
    }

    private static void report(String what, int messages, int size, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%s, %d-byte payloads: %d messages in %.2f s = %.0f msg/s (%.1f MB/s per"
                + " receiver)%n", what, size, messages, seconds, messages / seconds,
                messages * (double) size / seconds / 1e6);
    }

    private static long median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Counts delivered messages. */
    private static final class Counter implements MembershipListener {
        final AtomicLong count = new AtomicLong();
        final List<MembershipEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(MembershipEvent event) {
            events.add(event);
        }

        @Override
        public void onMessage(Node from, byte[] payload) {
            count.incrementAndGet();
        }
    }
}
