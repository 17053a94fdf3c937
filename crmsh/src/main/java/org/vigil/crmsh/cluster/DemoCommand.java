package org.vigil.crmsh.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.xml.CibFormatException;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlParseException;
import org.vigil.crmsh.CrmException;
import org.vigil.crmsh.cib.LiveCibAccess;
import org.vigil.crmsh.status.StatusCommand;
import org.vigil.pe.render.StatusView;
import org.vigil.pe.render.StatusViews;
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
 * generated key {@code DIR/authkey}. Once every node sees all N members and the same DC and the CIB
 * records them, it loads the sample services (examples/demo-cib.xml: a group and a clone of Dummy
 * resources), waits until they all run, prints {@code crm status} and how to fail a node over.
 */
@Command(name = "demo", description = "Start a local cluster of N vigild processes on 127.0.0.1 running the sample"
    + " services (stop: 'demo stop')",
    mixinStandardHelpOptions = true, subcommands = DemoCommand.Stop.class)
public final class DemoCommand implements Callable<Integer> {
  /** The demo's directory when --dir is not given (crm's default socket search looks in it). */
  static final Path DEFAULT_DIR = Path.of(System.getProperty("java.io.tmpdir"), "vigil-demo");
  /** JGroups' failure detector listens this far above each node's port. */
  private static final int FD_PORT_OFFSET = 100;
  private static final long FORM_TIMEOUT_MILLIS = 60_000;
  private static final long START_TIMEOUT_MILLIS = 90_000;
  private static final long STOP_TIMEOUT_MILLIS = 60_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "3", description = "how many nodes (default 3)") int nodes;
  @Option(names = "--dir", description = "where the nodes keep their data (default /tmp/vigil-demo)") Path dir;
  @Option(names = "--base-port", description = "node K listens on BASE+K-1 (default: the first free block from 7600"
      + " up, in steps of 20)")
  Integer basePortOption;
  @Option(names = "--cib", description = "the configuration to load (default examples/demo-cib.xml)") Path cibOption;
  private int basePort;

  @Override
  public Integer call() {
    if (nodes < 1 || nodes > 16) {
      throw new CrmException("--nodes must be 1 to 16, got " + nodes, 2);
    }
    Path root = dir != null ? dir.toAbsolutePath() : DEFAULT_DIR;
    Path sample = sampleFile();
    List<Long> alive = runningPids(root);
    if (!alive.isEmpty()) {
      return resume(root, alive);
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
    Map<Integer, Process> started = new LinkedHashMap<>();
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
        started.put(k, launch(conf, nodeDir));
      }
    } catch (IOException e) {
      started.values().forEach(Process::destroy);
      throw new CrmException("cannot start the demo in " + root + ": " + e.getMessage());
    }
    awaitFormed(root, started);
    LiveCibAccess node1 = new LiveCibAccess(root.resolve("node1").resolve("vigild.sock"));
    awaitRecorded(node1, root);
    loadSample(node1, sample);
    awaitStarted(node1, root);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Demo cluster of " + nodes + " nodes running in " + root + " with the services of " + sample);
    out.println();
    StatusCommand.print(node1, out);
    printHowTo(node1, root, out);
    return 0;
  }

  /**
   * Some nodes of the demo in DIR run: start those that do not (after a kill -9, as a rebooted
   * machine would), wait until all are members again and the services run, print the status.
   */
  private int resume(Path root, List<Long> alive) {
    List<Path> configs = nodeDirs(root).stream().map(d -> d.resolve("vigild.conf")).filter(Files::exists).toList();
    nodes = configs.size();
    Map<Integer, Process> started = new LinkedHashMap<>();
    PrintWriter out = spec.commandLine().getOut();
    for (Path conf : configs) {
      Path nodeDir = conf.getParent();
      int k = Integer.parseInt(nodeDir.getFileName().toString().substring("node".length()));
      boolean running = readPid(nodeDir.resolve("vigild.pid")).filter(alive::contains).isPresent();
      if (!running) {
        try {
          started.put(k, launch(conf, nodeDir));
        } catch (IOException e) {
          throw new CrmException("cannot start node" + k + " of the demo in " + root + ": " + e.getMessage());
        }
        out.println("Starting node" + k + " again");
      }
    }
    awaitFormed(root, started);
    LiveCibAccess node1 = new LiveCibAccess(root.resolve("node1").resolve("vigild.sock"));
    awaitRecorded(node1, root);
    awaitStarted(node1, root);
    out.println("Demo cluster of " + nodes + " nodes running in " + root);
    out.println();
    StatusCommand.print(node1, out);
    printHowTo(node1, root, out);
    return 0;
  }

  /** The configuration file the demo loads: --cib, else examples/demo-cib.xml of this Vigil tree. */
  private Path sampleFile() {
    Path file = cibOption != null ? cibOption.toAbsolutePath() : home().resolve("examples").resolve("demo-cib.xml");
    if (!Files.isReadable(file)) {
      throw new CrmException("cannot read the demo configuration " + file, 2);
    }
    return file;
  }

  /**
   * Replaces the cluster's configuration with the sample's, keeping the node list the cluster
   * wrote (the sample names node1..node3; the demo may run any number). Guarded by the version
   * read: when the DC changed the configuration in between (it records members), read again.
   */
  private void loadSample(LiveCibAccess access, Path file) {
    Configuration sample;
    try {
      sample = CibXml.read(file).configuration();
    } catch (IOException | XmlParseException | CibFormatException e) {
      throw new CrmException("cannot load the demo configuration " + file + ": " + e.getMessage(), 2);
    }
    for (int attempt = 1; ; attempt++) {
      Cib live = access.read();
      try {
        access.commit(live, live.withConfiguration(sample.withNodes(live.configuration().nodes())));
        return;
      } catch (CrmException e) {
        if (attempt == 5) {
          throw new CrmException("cannot load the demo configuration " + file + ": " + e.getMessage());
        }
        sleep(200);
      }
    }
  }

  /** Waits until every sample resource runs: each primitive on one node, each clone on every node. */
  private void awaitStarted(LiveCibAccess access, Path root) {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    List<String> waiting = List.of();
    while (System.currentTimeMillis() < deadline) {
      waiting = DemoServices.notStarted(view(access));
      if (waiting.isEmpty()) {
        return;
      }
      sleep(250);
    }
    PrintWriter err = spec.commandLine().getErr();
    StatusCommand.print(access, err);
    throw new CrmException("the demo's services did not all start within " + START_TIMEOUT_MILLIS / 1000 + " s: "
        + String.join(", ", waiting) + "; see the logs in " + root + "/node*/vigild.log; stop the demo with "
        + crm() + " cluster demo stop" + dirArgument(root));
  }

  static StatusView view(LiveCibAccess access) {
    return StatusViews.of(org.vigil.pe.status.ClusterStatus.unpack(access.read(), Instant.now()));
  }

  /** How to watch a failover and how to stop the demo, with the node that runs the group now. */
  private void printHowTo(LiveCibAccess access, Path root, PrintWriter out) {
    out.println();
    Optional<String> holder = DemoServices.nodeOf(view(access), "service");
    if (holder.isPresent()) {
      String other = holder.get().equals("node1") ? "node2" : "node1";
      out.println("The group 'service' runs on " + holder.get() + ". Kill that node and watch it move:");
      out.println("  kill -9 $(cat " + root.resolve(holder.get()).resolve("vigild.pid") + ")");
      out.println("  " + crm() + " --socket " + root.resolve(other).resolve("vigild.sock") + " status");
    }
    out.println("Any node answers: " + crm() + " --socket " + root + "/nodeK/vigild.sock status|configure|resource ...");
    out.println("Stop the demo: " + crm() + " cluster demo stop" + dirArgument(root));
    out.flush();
  }

  private String dirArgument(Path root) {
    return root.equals(DEFAULT_DIR) ? "" : " --dir " + root;
  }

  static String crm() {
    return home().resolve("bin").resolve("crm").toString();
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

  /**
   * Starts the node's vigild. Its agents' state directory is emptied first, as a reboot empties
   * /run: a node that was killed must not find its Dummy resources still "running".
   */
  static Process launch(Path conf, Path nodeDir) throws IOException {
    clearAgentState(nodeDir);
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

  private ClusterStatus awaitFormed(Path root, Map<Integer, Process> started) {
    long deadline = System.currentTimeMillis() + FORM_TIMEOUT_MILLIS;
    String last = "no node answered yet";
    while (System.currentTimeMillis() < deadline) {
      for (Map.Entry<Integer, Process> e : started.entrySet()) {
        Process p = e.getValue();
        if (!p.isAlive() && p.exitValue() != 0) {
          throw new CrmException("node" + e.getKey() + " exited with status " + p.exitValue() + "; see "
              + root.resolve("node" + e.getKey()).resolve("vigild.out") + " and vigild.log");
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

  /** Empties DIR/nodeK/rsctmp (HA_RSCTMP of the node's agents). */
  static void clearAgentState(Path nodeDir) throws IOException {
    Path rsctmp = nodeDir.resolve("rsctmp");
    if (Files.isDirectory(rsctmp)) {
      try (Stream<Path> files = Files.list(rsctmp)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
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
    return nodeDirs(root).stream().map(d -> d.resolve("vigild.pid")).filter(Files::exists).toList();
  }

  /** DIR/nodeK, in K's order. */
  static List<Path> nodeDirs(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> d.getFileName().toString().matches("node[0-9]+") && Files.isDirectory(d))
          .sorted(java.util.Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString().substring(4))))
          .toList();
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

  @Command(name = "stop", description = "Stop the demo's services, then its vigild processes (each leaves cleanly)")
  static final class Stop implements Callable<Integer> {
    private static final String STOP_ALL = "<configuration><crm_config><cluster_property_set id=\"cib-bootstrap-options\">"
        + "<nvpair id=\"cib-bootstrap-options-stop-all-resources\" name=\"stop-all-resources\" value=\"true\"/>"
        + "</cluster_property_set></crm_config></configuration>";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--dir", description = "the demo's directory (default /tmp/vigil-demo)") Path dir;

    @Override
    public Integer call() {
      Path root = dir != null ? dir.toAbsolutePath() : DEFAULT_DIR;
      PrintWriter out = spec.commandLine().getOut();
      Map<String, ProcessHandle> running = new LinkedHashMap<>();
      for (Path pidFile : pidFiles(root)) {
        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
            .ifPresent(p -> running.put(pidFile.getParent().getFileName().toString(), p));
      }
      if (running.isEmpty()) {
        out.println("No demo node is running in " + root);
      } else {
        stopNodes(root, running, out);
      }
      // a node killed during the demo left its agents' state behind: the machines are "off" now
      for (Path nodeDir : nodeDirs(root)) {
        try {
          clearAgentState(nodeDir);
        } catch (IOException e) {
          out.println("Cannot clear " + nodeDir.resolve("rsctmp") + ": " + e.getMessage());
        }
      }
      out.flush();
      return 0;
    }

    private void stopNodes(Path root, Map<String, ProcessHandle> running, PrintWriter out) {
      stopServices(root, running.keySet(), out);
      // all at once: a node that leaves while the others stay would have its resources moved to them
      running.values().forEach(ProcessHandle::destroy);
      for (Map.Entry<String, ProcessHandle> e : running.entrySet()) {
        ProcessHandle p = e.getValue();
        try {
          p.onExit().get(15, TimeUnit.SECONDS);
          out.println("Stopped " + e.getKey() + " (pid " + p.pid() + ")");
        } catch (Exception timeout) {
          p.destroyForcibly();
          out.println("Killed " + e.getKey() + " (pid " + p.pid() + "): it did not leave within 15 s");
        }
      }
    }

    /**
     * Sets stop-all-resources and waits until nothing runs, so that no agent state outlives the
     * demo; the next demo replaces the whole configuration. Without an answering node it goes on.
     */
    private void stopServices(Path root, Collection<String> nodeNames, PrintWriter out) {
      Optional<LiveCibAccess> access = nodeNames.stream().map(n -> root.resolve(n).resolve("vigild.sock"))
          .filter(s -> tryStatus(s).filter(st -> st.dc().isPresent()).isPresent()).findFirst().map(LiveCibAccess::new);
      if (access.isEmpty()) {
        out.println("No node answers with a DC: stopping the nodes without stopping their services first");
        return;
      }
      try (VigilClient client = VigilClient.connect(access.get().socket())) {
        client.update(STOP_ALL);
      } catch (ProtocolException | VigilClient.RefusedException e) {
        out.println("Cannot set stop-all-resources (" + e.getMessage() + "): stopping the nodes as they are");
        return;
      }
      long deadline = System.currentTimeMillis() + STOP_TIMEOUT_MILLIS;
      while (System.currentTimeMillis() < deadline) {
        if (!DemoServices.anyActive(view(access.get()))) {
          out.println("Stopped all resources");
          return;
        }
        sleep(250);
      }
      out.println("Resources still active after " + STOP_TIMEOUT_MILLIS / 1000 + " s: stopping the nodes anyway");
    }
  }
}
