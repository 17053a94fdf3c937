package org.vigil.controller;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.protocol.ClusterStatus;
import org.vigil.protocol.VigilClient;

/**
 * Benchmark (not a test), three vigild processes on 127.0.0.1 ports 7870-7872 (or the next free block):
 * <ol>
 *   <li>a SIGKILLed node: time until the survivors' vigild report the new membership, and until their CIB
 *       records the node offline; median of N rounds;</li>
 *   <li>committed CIB updates per second: C client connections spread over the three nodes, each sending
 *       configuration updates (one of 16 cluster properties) one after another for S seconds; a reply
 *       means every member stored it.
 *       A first round of S seconds warms up the JIT compilers and is printed apart.</li>
 * </ol>
 * Usage: {@code VigildBench [rounds (10)] [clients (32)] [seconds (10)]}; {@code -Dvigild.bench.dir=DIR} puts
 * the data directories elsewhere than java.io.tmpdir (e.g. on another disk).
 */
public final class VigildBench {
  /** Distinct properties the clients write: the CIB stays the size of a small real one. */
  private static final int KEYS = 16;

  private VigildBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("vigild.bench.dir",
        System.getProperty("java.io.tmpdir"))), "vigild-bench");
    try (VigildCluster c = new VigildCluster(dir, 3, 7870).withJvmOptions("-Xmx256m", "-XX:+UseSerialGC")) {
      c.startAll();
      c.awaitMembers(List.of(1, 2, 3), Duration.ofSeconds(60));
      throughput(c, clients, seconds, "warm-up (JIT compilation)");
      throughput(c, clients, seconds, "measured");
      detection(c, rounds);
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void detection(VigildCluster c, int rounds) throws Exception {
    List<Long> viewMs = new ArrayList<>();
    List<Long> cibMs = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      c.awaitMembers(List.of(1, 2, 3), Duration.ofSeconds(60));
      c.awaitSameCib(List.of(1, 2, 3), Duration.ofSeconds(30));
      long t0 = System.nanoTime();
      c.kill(3);
      long view = 0;
      while (true) {
        ClusterStatus s1 = c.status(1).orElseThrow();
        ClusterStatus s2 = c.status(2).orElseThrow();
        if (view == 0 && s1.members().size() == 2 && s2.members().size() == 2) {
          view = System.nanoTime() - t0;
        }
        if (view != 0 && c.cib(1).status().nodeState("node3")
            .map(s -> "false".equals(s.inCcm())).orElse(false)) {
          break;
        }
        Thread.sleep(5);
      }
      long cib = System.nanoTime() - t0;
      viewMs.add(view / 1_000_000);
      cibMs.add(cib / 1_000_000);
      System.out.printf(Locale.ROOT, "round %d: new membership after %d ms, CIB records node3 offline after %d ms%n",
          r + 1, view / 1_000_000, cib / 1_000_000);
      c.start(3);
    }
    System.out.printf(Locale.ROOT, "SIGKILLed node out of the survivors' membership: median %d ms of %d (%d-%d)%n",
        median(viewMs), rounds, min(viewMs), max(viewMs));
    System.out.printf(Locale.ROOT, "... and recorded offline in the replicated CIB: median %d ms (%d-%d)%n",
        median(cibMs), min(cibMs), max(cibMs));
  }

  private static void throughput(VigildCluster c, int clients, int seconds, String phase) throws Exception {
    AtomicLong committed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        try (VigilClient client = c.client(1 + id % 3)) {
          for (long i = 0; System.nanoTime() < end; i++) {
            String key = "c" + id % KEYS;
            String xml = "<configuration><crm_config><cluster_property_set id=\"bench\"><nvpair id=\"bench-" + key
                + "\" name=\"" + key + "\" value=\"" + i + "\"/></cluster_property_set></crm_config></configuration>";
            try {
              client.update(xml);
              committed.incrementAndGet();
            } catch (VigilClient.RefusedException e) {
              failed.incrementAndGet();
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      threads.add(th);
    }
    long t0 = System.nanoTime();
    threads.forEach(Thread::start);
    for (Thread th : threads) {
      th.join();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    ClusterStatus same = c.awaitSameCib(List.of(1, 2, 3), Duration.ofSeconds(30));
    System.out.printf(Locale.ROOT, "%s: committed CIB updates through the DC, 3 nodes, %d clients: %d in %.1f s"
        + " = %.0f/s (%d refused); all nodes at CIB %s%n", phase, clients, committed.get(), secs,
        committed.get() / secs, failed.get(), same.cibVersion());
  }

  private static long median(List<Long> xs) {
    List<Long> s = xs.stream().sorted().toList();
    return s.get(s.size() / 2);
  }

  private static long min(List<Long> xs) {
    return xs.stream().mapToLong(Long::longValue).min().orElse(0);
  }

  private static long max(List<Long> xs) {
    return xs.stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
