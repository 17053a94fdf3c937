package org.vigil.crmsh.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.vigil.cib.model.Cib;
import org.vigil.crmsh.CrmException;
import org.vigil.crmsh.cib.LiveCibAccess;
import org.vigil.crmsh.status.StatusCommand;
import org.vigil.protocol.ClusterKeyFile;
import org.vigil.protocol.ClusterStatus;
import org.vigil.protocol.ProtocolException;
import org.vigil.protocol.VigilClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crm cluster demo}: N vigild processes on 127.0.0.1 named node1..nodeN, each with its own
 * port and data directory {@code DIR/nodeK} (vigild.conf, vigild.sock, vigild.pid, vigild.log), one
 * generated key {@code DIR/authkey}. Returns once every node sees all N members and the same DC and the
 * CIB records them, printing {@code crm status}.
 */
@Command(name = "demo", description = "Start a local cluster of N vigild processes on 127.0.0.1 (stop: 'demo stop')",
    mixinStandardHelpOptions = true, subcommands = DemoCommand.Stop.class)
public final class DemoCommand implements Callable<Integer> {
  /** The demo's directory when --dir is not given (crm's default socket search looks in it). */
  static final Path DEFAULT_DIR = Path.of(System.getProperty("java.io.tmpdir"), "vigil-demo");
  /** JGroups' failure detector listens this far above each node's port. */
  private static final int FD_PORT_OFFSET = 100;
  private static final long FORM_TIMEOUT_MILLIS = 60_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "3", description = "how many nodes (default 3)") int nodes;
  @Option(names = "--dir", description = "where the nodes keep their data (default /tmp/vigil-demo)") Path dir;
  @Option(names = "--base-port", description = "node K listens on BASE+K-1 (default: the first free block from 7600"
      + " up, in steps of 20)")
  Integer basePortOption;
  private int basePort;

  @Override
  public Integer call() {
    if (nodes < 1 || nodes > 16) {
      throw new CrmException("--nodes must be 1 to 16, got " + nodes, 2);
    }
    Path root = dir != null ? dir.toAbsolutePath() : DEFAULT_DIR;
    List<Long> alive = runningPids(root);
    if (!alive.isEmpty()) {
      throw new CrmException("a demo cluster is already running in " + root + " (pids " + alive
          + "); stop it with: crm cluster demo stop --dir " + root);
    }
    if (basePortOption != null) {
      basePort = basePortOption;
      Optional<Integer> busy = firstBusy(basePort);
      if (busy.isPresent()) {
        throw new CrmException("port " + busy.get() + " on 127.0.0.1 is in use; choose another --base-port");
      }
    } else {
      basePort = freeBase();
    }
    Path key = root.resolve("authkey");
    List<Process> started = new ArrayList<>();
    try {
      Files.createDirectories(root);
      if (!Files.exists(key)) {
        ClusterKeyFile.generate(key);
      }
      for (int k = 1; k <= nodes; k++) {
        Path nodeDir = root.resolve("node" + k);
        Files.createDirectories(nodeDir);
        Path conf = nodeDir.resolve("vigild.conf");
        Files.writeString(conf, config(k, nodeDir, key), StandardCharsets.UTF_8);
        started.add(launch(conf, nodeDir));
      }
    } catch (IOException e) {
      started.forEach(Process::destroy);
      throw new CrmException("cannot start the demo in " + root + ": " + e.getMessage());
    }
    awaitFormed(root, started);
    LiveCibAccess node1 = new LiveCibAccess(root.resolve("node1").resolve("vigild.sock"));
    awaitRecorded(node1, root);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Demo cluster of " + nodes + " nodes running in " + root);
    out.println();
    StatusCommand.print(node1, out);
    out.println();
    out.println("Sockets: " + root + "/nodeK/vigild.sock; e.g. crm --socket " + root.resolve("node1/vigild.sock")
        + " status");
    out.println("Stop it with: crm cluster demo stop" + (dir != null ? " --dir " + root : ""));
    out.flush();
    return 0;
  }

  private String config(int k, Path nodeDir, Path key) {
    StringBuilder b = new StringBuilder();
    b.append("# written by crm cluster demo\n");
    b.append("cluster_name = vigil-demo\n");
    b.append("node_name = node").append(k).append('\n');
    for (int i = 1; i <= nodes; i++) {
      b.append("node.node").append(i).append(" = ").append(i).append(" 127.0.0.1:").append(basePort + i - 1).append('\n');
    }
    b.append("key_file = ").append(key).append('\n');
    b.append("data_dir = ").append(nodeDir).append('\n');
    if (nodes == 2) {
      b.append("quorum.two_node = true\n");
    }
    return b.toString();
  }

  /** The first port of BASE..BASE+N-1 and of their failure-detector ports that is taken, if any. */
  private Optional<Integer> firstBusy(int base) {
    for (int k = 0; k < nodes; k++) {
      for (int port : new int[] {base + k, base + k + FD_PORT_OFFSET}) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
          s.getLocalPort();
        } catch (IOException e) {
          return Optional.of(port);
        }
      }
    }
    return Optional.empty();
  }

  private int freeBase() {
    for (int base = 7600; base + nodes + FD_PORT_OFFSET < 8000; base += 20) {
      if (firstBusy(base).isEmpty()) {
        return base;
      }
    }
    throw new CrmException("no free block of " + nodes + " ports between 7600 and 7999 on 127.0.0.1; use --base-port");
  }

  static Process launch(Path conf, Path nodeDir) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      cmd.add("/usr/bin/setsid"); // the nodes outlive crm and ignore its terminal's Ctrl-C
    }
    cmd.add(home().resolve("bin/vigild").toString());
    cmd.add("--config");
    cmd.add(conf.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(nodeDir.resolve("vigild.out").toFile());
    Map<String, String> env = pb.environment();
    env.putIfAbsent("VIGILD_JAVA_OPTS", "-XX:+UseSerialGC -Xmx256m -Xshare:auto");
    return pb.start();
  }

  /** The Vigil tree whose bin/vigild to run: -Dvigil.home (set by bin/crm), else where crm's jar is. */
  static Path home() {
    String prop = System.getProperty("vigil.home");
    if (prop != null) {
      return Path.of(prop);
    }
    try {
      Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().getParent().getParent();
    } catch (Exception e) {
      throw new CrmException("cannot tell where Vigil is installed; run crm through bin/crm");
    }
  }

  private ClusterStatus awaitFormed(Path root, List<Process> started) {
    long deadline = System.currentTimeMillis() + FORM_TIMEOUT_MILLIS;
    String last = "no node answered yet";
    while (System.currentTimeMillis() < deadline) {
      for (int k = 0; k < started.size(); k++) {
        Process p = started.get(k);
        if (!p.isAlive() && p.exitValue() != 0) {
          throw new CrmException("node" + (k + 1) + " exited with status " + p.exitValue() + "; see "
              + root.resolve("node" + (k + 1)).resolve("vigild.out") + " and vigild.log");
        }
      }
      Optional<ClusterStatus> first = Optional.empty();
      boolean formed = true;
      for (int k = 1; k <= nodes && formed; k++) {
        Optional<ClusterStatus> st = tryStatus(root.resolve("node" + k).resolve("vigild.sock"));
        if (st.isEmpty() || st.get().members().size() != nodes || st.get().dc().isEmpty()
            || first.isPresent() && !first.get().dc().equals(st.get().dc())) {
          formed = false;
          last = st.map(s -> "node " + s.localNode() + " sees " + s.members() + ", DC " + s.dc().orElse("none"))
              .orElse("node" + k + " is not answering yet");
        } else if (first.isEmpty()) {
          first = st;
        }
      }
      if (formed && first.isPresent()) {
        return first.get();
      }
      sleep(200);
    }
    throw new CrmException("the demo cluster did not form within " + FORM_TIMEOUT_MILLIS / 1000 + " s (" + last
        + "); see the logs in " + root + "/node*/vigild.log; stop it with crm cluster demo stop --dir " + root);
  }

  /** Waits until the replicated CIB records every node as a member (the DC writes it after forming). */
  private void awaitRecorded(LiveCibAccess access, Path root) {
    long deadline = System.currentTimeMillis() + FORM_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      Cib cib = access.read();
      long inCcm = cib.status().nodeStates().stream().filter(s -> "true".equals(s.inCcm())).count();
      if (inCcm == nodes) {
        return;
      }
      sleep(100);
    }
    throw new CrmException("the demo cluster formed but its CIB does not record all " + nodes
        + " nodes as members; see the logs in " + root + "/node*/vigild.log");
  }

  static Optional<ClusterStatus> tryStatus(Path socket) {
    if (!Files.exists(socket)) {
      return Optional.empty();
    }
    try (VigilClient c = VigilClient.connect(socket)) {
      return Optional.of(c.status());
    } catch (ProtocolException | VigilClient.RefusedException e) {
      return Optional.empty();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CrmException("interrupted");
    }
  }

  /** Pids in DIR/node{@literal *}/vigild.pid whose process is alive. */
  static List<Long> runningPids(Path root) {
    List<Long> out = new ArrayList<>();
    for (Path pidFile : pidFiles(root)) {
      readPid(pidFile).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .ifPresent(out::add);
    }
    return out;
  }

  private static List<Path> pidFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> d.getFileName().toString().matches("node[0-9]+")).sorted()
          .map(d -> d.resolve("vigild.pid")).filter(Files::exists).toList();
    } catch (IOException e) {
      throw new CrmException("cannot list " + root + ": " + e.getMessage());
    }
  }

  static Optional<Long> readPid(Path pidFile) {
    try {
      return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Command(name = "stop", description = "Stop the demo cluster's vigild processes (SIGTERM: each leaves cleanly)")
  static final class Stop implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--dir", description = "the demo's directory (default /tmp/vigil-demo)") Path dir;

    @Override
    public Integer call() {
      Path root = dir != null ? dir.toAbsolutePath() : DEFAULT_DIR;
      PrintWriter out = spec.commandLine().getOut();
      int stopped = 0;
      for (Path pidFile : pidFiles(root)) {
        String node = pidFile.getParent().getFileName().toString();
        Optional<ProcessHandle> p = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) {
          continue;
        }
        p.get().destroy();
        try {
          p.get().onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
          p.get().destroyForcibly();
        }
        out.println("Stopped " + node + " (pid " + p.get().pid() + ")");
        stopped++;
      }
      if (stopped == 0) {
        out.println("No demo node is running in " + root);
      }
      out.flush();
      return 0;
    }
  }
}
