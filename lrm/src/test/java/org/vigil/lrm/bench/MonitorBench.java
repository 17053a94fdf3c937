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
 * <p>Usage: {@code MonitorBench [operations (1000)] [concurrency (8)]}
 */
public final class MonitorBench {
  private static final Path DUMMY = Path.of("/usr/lib/ocf/resource.d/pacemaker/Dummy");

  private MonitorBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    if (!Files.isExecutable(DUMMY)) {
      System.err.println("ocf:pacemaker:Dummy is not installed (apt-get install -y pacemaker-resource-agents)");
      System.exit(2);
    }
    Files.createDirectories(Path.of("/tmp/lrm"));
    Path dir = Files.createTempDirectory(Path.of("/tmp/lrm"), "bench-");
    try {
      run(dir, n, concurrency);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Path dir, int n, int concurrency) throws Exception {
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

      long t0 = System.nanoTime();
      List<OperationResult> results = executorRound(ex, dir, dummy, rscs, n);
      long executorNanos = System.nanoTime() - t0;
      long t1 = System.nanoTime();
      List<Long> bare = bareRound(dir, rscs, n, concurrency);
      long bareNanos = System.nanoTime() - t1;

      long failed = results.stream().filter(r -> r.status() != ExecStatus.DONE || r.rc() != 0).count();
      double execMs = results.stream().mapToLong(r -> r.execTime().toNanos()).average().orElse(0) / 1e6;
      double bareMs = bare.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
      System.out.printf("executor:       %8.1f ops/s  (%d ms for %d; %d not rc 0)%n",
          n / (executorNanos / 1e9), executorNanos / 1_000_000, n, failed);
      System.out.printf("bare fork+exec: %8.1f ops/s  (%d ms for %d)%n", n / (bareNanos / 1e9), bareNanos / 1_000_000, n);
      System.out.printf("overhead per operation: %.3f ms of wall time per op at concurrency %d "
          + "(%.3f ms x %d threads)%n", (executorNanos - bareNanos) / 1e6 / n, concurrency,
          (executorNanos - bareNanos) / 1e6 / n * concurrency, concurrency);
      System.out.printf("mean time one agent run takes: executor %.2f ms, bare %.2f ms (difference %.2f ms:"
          + " setsid, output threads, environment)%n", execMs, bareMs, execMs - bareMs);
      for (String r : rscs) {
        ex.execute(request(dir, r, dummy, "stop")).join();
      }
    }
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
