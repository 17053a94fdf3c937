package org.vigil.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.membership.KeyFile;
import org.vigil.protocol.ClusterStatus;
import org.vigil.protocol.Scope;
import org.vigil.protocol.VigilClient;

/**
 * Real vigild processes on 127.0.0.1 for scenario tests: node K listens on BASE+K-1 and keeps its data in
 * DIR/nodeK. Each process runs {@link Main} from the test class path.
 */
final class VigildCluster implements AutoCloseable {
  final Path dir;
  final int nodes;
  final int basePort;
  final Path key;
  private final List<String> extraConfig;
  private final List<String> addresses;
  private final Map<Integer, List<String>> launchPrefix = new LinkedHashMap<>();
  private final Map<Integer, Process> running = new LinkedHashMap<>();
  /** Small and quick to start for tests; the benchmark asks for the full JIT. */
  private List<String> jvmOptions = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  VigildCluster(Path dir, int nodes, int basePort, String... extraConfig) throws Exception {
    this(dir, java.util.Collections.nCopies(nodes, "127.0.0.1"), basePort, extraConfig);
  }

  /** Node K listens on {@code addresses[K-1]}, port BASE+K-1. */
  VigildCluster(Path dir, List<String> addresses, int basePort, String... extraConfig) throws Exception {
    this.addresses = List.copyOf(addresses);
    int nodes = addresses.size();
    this.dir = dir;
    this.nodes = nodes;
    this.basePort = addresses.stream().allMatch("127.0.0.1"::equals) ? freeBlock(basePort, nodes) : basePort;
    this.extraConfig = List.of(extraConfig);
    this.key = dir.resolve("authkey");
    KeyFile.generate(key);
    for (int k = 1; k <= nodes; k++) {
      writeConfig(k, key);
    }
  }

  /**
   * {@code preferred} when its ports (and the failure detector's, 100 above) are free on 127.0.0.1, else
   * the next free block of ten in 7600-7899: other clusters (a demo, another engineer's tests) may hold
   * some.
   */
  private static int freeBlock(int preferred, int nodes) {
    for (int i = 0; i < 30; i++) {
      int base = 7600 + Math.floorMod(preferred - 7600 + 10 * i, 300);
      if (free(base, nodes)) {
        return base;
      }
    }
    throw new IllegalStateException("no free block of " + nodes + " ports in 7600-7899 on 127.0.0.1");
  }

  private static boolean free(int base, int nodes) {
    for (int k = 0; k < nodes; k++) {
      for (int port : new int[] {base + k, base + k + 100}) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
          s.getLocalPort();
        } catch (IOException e) {
          return false;
        }
      }
    }
    return true;
  }

  /** Starts node K through this command prefix (e.g. {@code ip netns exec NS}). */
  VigildCluster launchThrough(int k, String... prefix) {
    launchPrefix.put(k, List.of(prefix));
    return this;
  }

  VigildCluster withJvmOptions(String... options) {
    jvmOptions = List.of(options);
    return this;
  }

  Path config(int k) {
    return dir.resolve("node" + k + ".conf");
  }

  Path dataDir(int k) {
    return dir.resolve("node" + k);
  }

  Path socket(int k) {
    return dataDir(k).resolve("vigild.sock");
  }

  Path log(int k) {
    return dataDir(k).resolve("vigild.log");
  }

  void writeConfig(int k, Path keyFile) throws IOException {
    StringBuilder b = new StringBuilder("cluster_name = test").append(basePort).append('\n');
    b.append("node_name = node").append(k).append('\n');
    for (int i = 1; i <= nodes; i++) {
      b.append("node.node").append(i).append(" = ").append(i).append(' ').append(addresses.get(i - 1)).append(':')
          .append(basePort + i - 1).append('\n');
    }
    b.append("key_file = ").append(keyFile).append('\n');
    b.append("data_dir = node").append(k).append('\n');
    extraConfig.forEach(line -> b.append(line).append('\n'));
    Files.writeString(config(k), b.toString(), StandardCharsets.UTF_8);
  }

  void start(int k) throws IOException {
    Files.createDirectories(dataDir(k));
    List<String> cmd = new ArrayList<>(launchPrefix.getOrDefault(k, List.of()));
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config",
        config(k).toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir(k).resolve("vigild.out").toFile())).start();
    running.put(k, p);
  }

  void startAll() throws IOException {
    for (int k = 1; k <= nodes; k++) {
      start(k);
    }
  }

  /** SIGKILL: the node gets no chance to leave cleanly. */
  void kill(int k) throws InterruptedException {
    Process p = running.remove(k);
    p.destroyForcibly();
    p.waitFor();
  }

  /** SIGTERM: the node leaves cleanly. */
  void stop(int k) throws InterruptedException {
    Process p = running.remove(k);
    p.destroy();
    p.waitFor();
  }

  Optional<ClusterStatus> status(int k) {
    if (!Files.exists(socket(k))) {
      return Optional.empty();
    }
    try (VigilClient c = VigilClient.connect(socket(k))) {
      return Optional.of(c.status());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  VigilClient client(int k) throws Exception {
    return VigilClient.connect(socket(k));
  }

  /** Waits until every node in {@code group} sees exactly {@code group} as members, with one DC. */
  ClusterStatus awaitMembers(Collection<Integer> group, Duration timeout) throws InterruptedException {
    List<String> names = group.stream().sorted().map(k -> "node" + k).toList();
    return await("nodes " + names + " to see each other with one DC", timeout, () -> {
      ClusterStatus first = null;
      for (int k : group) {
        Optional<ClusterStatus> st = status(k);
        if (st.isEmpty() || !st.get().members().equals(names) || st.get().dc().isEmpty()) {
          return null;
        }
        if (first != null && !first.dc().equals(st.get().dc())) {
          return null;
        }
        first = first == null ? st.get() : first;
      }
      return first;
    });
  }

  /** Waits until every node in {@code group} holds the same CIB (version and digest). */
  ClusterStatus awaitSameCib(Collection<Integer> group, Duration timeout) throws InterruptedException {
    return await("nodes " + group + " to hold the same CIB", timeout, () -> {
      ClusterStatus first = null;
      for (int k : group) {
        Optional<ClusterStatus> st = status(k);
        if (st.isEmpty()) {
          return null;
        }
        if (first != null && (!first.cibVersion().equals(st.get().cibVersion())
            || !first.cibDigest().equals(st.get().cibDigest()))) {
          return null;
        }
        first = first == null ? st.get() : first;
      }
      return first;
    });
  }

  /** The whole CIB as node K holds it. */
  Cib cib(int k) throws Exception {
    try (VigilClient client = client(k)) {
      return CibXml.parse(client.query(Scope.CIB).xml(), "node" + k);
    }
  }

  /** Waits until node K's CIB satisfies {@code condition}. */
  Cib awaitCib(int k, String what, java.util.function.Predicate<Cib> condition, Duration timeout)
      throws InterruptedException {
    return await("node" + k + "'s CIB: " + what, timeout, () -> {
      try {
        Cib cib = cib(k);
        return condition.test(cib) ? cib : null;
      } catch (Exception e) {
        return null;
      }
    });
  }

  String logText(int k) throws IOException {
    return Files.exists(log(k)) ? Files.readString(log(k), StandardCharsets.UTF_8) : "";
  }

  static <T> T await(String what, Duration timeout, Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      T v = probe.get();
      if (v != null) {
        return v;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
  }

  @Override
  public void close() {
    for (Process p : running.values()) {
      p.destroyForcibly();
    }
    for (Process p : running.values()) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    running.clear();
  }
}
