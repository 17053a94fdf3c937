package org.vigil.controller;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vigil.cib.model.Cib;
import org.vigil.protocol.VigilClient;

/**
 * Benchmark (not a test): three vigild processes on 127.0.0.1 (ports 7950-7952) run the group
 * {@code service} (vip, fs, db: ocf:pacemaker:Dummy); the node running it is killed with
 * SIGKILL, and the time until db's start on another node is in the CIB is measured; the killed
 * node is then "rebooted" (its agents' state wiped, vigild started again) for the next round.
 * Without fencing, then with the fence_vigil device (which kills the node's vigild through its
 * pid file) and stonith-enabled. Split brain is watched all along: the group must never run on
 * two member nodes at once, by the CIB or by the agents.
 * Usage: {@code FailoverBench [rounds (10)]}.
 */
public final class FailoverBench {
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private FailoverBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path agents = Path.of("controller/src/test/resources/fence-agents").toAbsolutePath();
    for (boolean fencing : List.of(false, true)) {
      Path dir = Files.createTempDirectory("failover-bench");
      try (VigildCluster c = new VigildCluster(dir, 3, 7950).withJvmOptions("-Xmx128m", "-XX:+UseSerialGC",
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dvigil.fence.agent.dirs=" + agents)) {
        c.startAll();
        c.awaitMembers(List.of(1, 2, 3), SETTLE);
        try (VigilClient client = c.client(1)) {
          client.update(fencing ? withFencing(dir) : TransitionScenarioTest.CONFIG);
        }
        run(c, rounds, fencing ? "with fencing (fence_vigil)" : "without fencing");
      } finally {
        try (var paths = Files.walk(dir)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  private static String withFencing(Path dir) {
    return TransitionScenarioTest.CONFIG
        .replace("name=\"stonith-enabled\" value=\"false\"", "name=\"stonith-enabled\" value=\"true\"")
        .replace("<resources>", "<resources><primitive id=\"fence-kill\" class=\"stonith\" type=\"fence_vigil\">"
            + "<instance_attributes id=\"fk\"><nvpair id=\"fk-p\" name=\"pidfile_pattern\" value=\"" + dir
            + "/%s/vigild.pid\"/></instance_attributes></primitive>");
  }

  private static void run(VigildCluster c, int rounds, String mode) throws Exception {
    List<Long> ms = new ArrayList<>();
    int splitBrain = 0;
    for (int r = 0; r < rounds; r++) {
      String before = VigildCluster.await("the group placed", SETTLE, () -> {
        Cib cib = TransitionScenarioTest.cib(c, 1);
        return cib == null ? null : TransitionScenarioTest.groupNode(cib);
      });
      int k = Integer.parseInt(before.substring("node".length()));
      int survivor = k == 1 ? 2 : 1;
      long t0 = System.nanoTime();
      c.kill(k);
      String after = null;
      while (after == null) {
        if (System.nanoTime() - t0 > SETTLE.toNanos()) {
          throw new AssertionError("round " + (r + 1) + ": the group did not move within " + SETTLE.toSeconds() + " s");
        }
        Cib cib = TransitionScenarioTest.cib(c, survivor);
        if (cib != null) {
          if (TransitionScenarioTest.runningOn(cib, "db").size() > 1) {
            splitBrain++;
          }
          String node = TransitionScenarioTest.groupNode(cib);
          after = node != null && !node.equals(before) ? node : null;
        }
        Thread.sleep(5);
      }
      long took = (System.nanoTime() - t0) / 1_000_000;
      ms.add(took);
      int m = Integer.parseInt(after.substring("node".length()));
      for (int n = 1; n <= 3; n++) {
        if (n != k && n != m && TransitionScenarioTest.agentRuns(c, n, "db")) {
          splitBrain++;
        }
      }
      System.out.printf(Locale.ROOT, "%s, round %d: group moved %s -> %s in %d ms%n", mode, r + 1, before, after, took);
      // the killed node reboots: what its agents kept in their state directory is gone
      try (var paths = Files.walk(c.dataDir(k).resolve("rsctmp"))) {
        for (Path p : paths.filter(Files::isRegularFile).toList()) {
          Files.delete(p);
        }
      }
      c.start(k);
      c.awaitMembers(List.of(1, 2, 3), SETTLE);
    }
    List<Long> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    System.out.printf(Locale.ROOT, "%s: kill -9 to group started elsewhere: median %d ms of %d rounds (min %d, max %d);"
        + " split brain seen %d times%n", mode, sorted.get(sorted.size() / 2), rounds, sorted.get(0),
        sorted.get(sorted.size() - 1), splitBrain);
  }
}
