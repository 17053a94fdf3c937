package org.vigil.lrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.vigil.lrm.AgentSpec;
import org.vigil.lrm.ExecStatus;
import org.vigil.lrm.Executor;
import org.vigil.lrm.ExecutorConfig;
import org.vigil.lrm.OperationRequest;
import org.vigil.lrm.OperationResult;

/**
 * Benchmark (not a test): N monitor operations of ocf:pacemaker:Dummy through the
 * executor with a concurrency limit, against the same number of bare fork+exec runs of the
 * same script with the same environment and the same number of threads. Prints operations
 * per second for both and the executor's overhead per operation.
 *
 * <p>Usage: {@code MonitorBench [operations (1000)] [concurrency (8)] [rounds (5)]}; the two
 * are run alternately, round by round, and the medians printed.
 */
public final class MonitorBench {
  private static final Path DUMMY = Path.of("/usr/lib/ocf/resource.d/pacemaker/Dummy");

  private MonitorBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    if (!Files.isExecutable(DUMMY)) {
      System.err.println("ocf:pacemaker:Dummy is not installed (apt-get install -y pacemaker-resource-agents)");
      System.exit(2);
    }
    Files.createDirectories(Path.of("/tmp/lrm"));
    Path dir = Files.createTempDirectory(Path.of("/tmp/lrm"), "bench-");
    try {
      run(dir, n, concurrency, rounds);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Path dir, int n, int concurrency, int rounds) throws Exception {
    AgentSpec dummy = AgentSpec.parse("ocf:pacemaker:Dummy");
    List<String> rscs = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      rscs.add("bench" + i);
    }
    System.out.printf("%d monitor operations of %s, concurrency %d, %d cores%n", n, dummy, concurrency,
        Runtime.getRuntime().availableProcessors());
    try (Executor ex = new Executor(ExecutorConfig.defaults("bench", dir.resolve("state")).withActionLimit(concurrency))) {
      for (String r : rscs) {
        OperationResult start = ex.execute(request(dir, r, dummy, "start")).join();
        if (!start.succeeded()) {
          throw new IllegalStateException("cannot start " + r + ": " + start.describe());
        }
      }
      // warm-up of both paths (JIT, page cache), not measured
      executorRound(ex, dir, dummy, rscs, n / 10);
      bareRound(dir, rscs, n / 10, concurrency);

      // alternate the two, so that a change of load on a shared machine hits both alike
      List<Double> execRates = new ArrayList<>();
      List<Double> bareRates = new ArrayList<>();
      List<Double> overheads = new ArrayList<>();
      List<Double> execRunMs = new ArrayList<>();
      List<Double> bareRunMs = new ArrayList<>();
      List<Double> execCpuMs = new ArrayList<>();
      List<Double> bareCpuMs = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        long c0 = jvmCpuNanos();
        long t0 = System.nanoTime();
        List<OperationResult> results = executorRound(ex, dir, dummy, rscs, n);
        long executorNanos = System.nanoTime() - t0;
        long c1 = jvmCpuNanos();
        long t1 = System.nanoTime();
        List<Long> bare = bareRound(dir, rscs, n, concurrency);
        long bareNanos = System.nanoTime() - t1;
        long c2 = jvmCpuNanos();
        execCpuMs.add((c1 - c0) / 1e6 / n);
        bareCpuMs.add((c2 - c1) / 1e6 / n);
        long failed = results.stream().filter(r -> r.status() != ExecStatus.DONE || r.rc() != 0).count();
        if (failed > 0) {
          throw new IllegalStateException(failed + " monitors did not return 0");
        }
        execRates.add(n / (executorNanos / 1e9));
        bareRates.add(n / (bareNanos / 1e9));
        overheads.add((executorNanos - bareNanos) / 1e6 / n);
        execRunMs.add(results.stream().mapToLong(r -> r.execTime().toNanos()).average().orElse(0) / 1e6);
        bareRunMs.add(bare.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6);
        System.out.printf("round %d: executor %7.1f ops/s, bare fork+exec %7.1f ops/s, overhead %6.3f ms/op%n",
            round, execRates.get(round - 1), bareRates.get(round - 1), overheads.get(round - 1));
      }
      System.out.printf("median of %d rounds:%n", rounds);
      System.out.printf("  executor:       %7.1f ops/s%n", median(execRates));
      System.out.printf("  bare fork+exec: %7.1f ops/s%n", median(bareRates));
      System.out.printf("  overhead per operation: %.3f ms of wall time at concurrency %d%n", median(overheads),
          concurrency);
      System.out.printf("  CPU time of this JVM per operation (spawning included, the agent's own not):"
          + " executor %.3f ms, bare %.3f ms%n", median(execCpuMs), median(bareCpuMs));
      System.out.printf("  one agent run: executor %.2f ms, bare %.2f ms (setsid exec, output threads, environment)%n",
          median(execRunMs), median(bareRunMs));
      for (String r : rscs) {
        ex.execute(request(dir, r, dummy, "stop")).join();
      }
    }
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double median(List<Double> xs) {
    List<Double> sorted = xs.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static OperationRequest request(Path dir, String rsc, AgentSpec agent, String action) {
    return OperationRequest.of(rsc, agent, action, Duration.ofSeconds(20),
        Map.of("state", dir.resolve(rsc + ".state").toString()));
  }

  private static List<OperationResult> executorRound(Executor ex, Path dir, AgentSpec dummy, List<String> rscs, int n) {
    List<CompletableFuture<OperationResult>> fs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      fs.add(ex.execute(request(dir, rscs.get(i % rscs.size()), dummy, "monitor")));
    }
    return fs.stream().map(CompletableFuture::join).toList();
  }

  /** The same script run with plain ProcessBuilder on {@code concurrency} threads; returns each run's time. */
  private static List<Long> bareRound(Path dir, List<String> rscs, int n, int concurrency) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Long>> fs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String rsc = rscs.get(i % rscs.size());
        fs.add(pool.submit(() -> bareMonitor(dir, rsc)));
      }
      List<Long> times = new ArrayList<>(n);
      for (Future<Long> f : fs) {
        times.add(f.get());
      }
      return times;
    } finally {
      pool.shutdown();
    }
  }

  private static long bareMonitor(Path dir, String rsc) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(DUMMY.toString(), "monitor").redirectErrorStream(true);
    pb.environment().put("OCF_ROOT", "/usr/lib/ocf");
    pb.environment().put("OCF_RESOURCE_INSTANCE", rsc);
    pb.environment().put("OCF_RESKEY_state", dir.resolve(rsc + ".state").toString());
    pb.environment().put("HA_RSCTMP", dir.resolve("state").toString());
    Process p = pb.start();
    p.getInputStream().readAllBytes();
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IllegalStateException("bare monitor of " + rsc + " returned " + rc);
    }
    return System.nanoTime() - t0;
  }
}
