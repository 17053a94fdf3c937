package org.vigil.crmsh.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.vigil.crmsh.CrmException;
import org.vigil.protocol.ClusterStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crm cluster start|stop}: the vigild of this machine, as configured in its vigild.conf (crmsh's
 * {@code crm cluster start} starts corosync and pacemaker the same way, through their services).
 */
final class LocalNodeCommand {
  /** Where vigild's configuration is looked for when no --config is given. */
  static final Path DEFAULT_CONFIG = Path.of("/etc/vigil/vigild.conf");
  private static final long START_TIMEOUT_MILLIS = 60_000;

  private LocalNodeCommand() {}

  /** The data directory and socket a vigild.conf names (relative paths are relative to the file). */
  record NodePaths(Path dataDir, Path socket) {
    static NodePaths of(Path config) {
      List<String> lines;
      try {
        lines = Files.readAllLines(config, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CrmException("cannot read vigild configuration " + config + ": " + e.getMessage());
      }
      Path base = config.toAbsolutePath().getParent();
      Optional<String> dataDir = value(lines, "data_dir");
      if (dataDir.isEmpty()) {
        throw new CrmException(config + ": no data_dir (see docs/vigild.md)");
      }
      Path dir = base.resolve(dataDir.get());
      return new NodePaths(dir, value(lines, "socket").map(base::resolve).orElse(dir.resolve("vigild.sock")));
    }

    private static Optional<String> value(List<String> lines, String key) {
      for (String line : lines) {
        String text = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        int eq = text.indexOf('=');
        if (eq > 0 && text.substring(0, eq).strip().equals(key)) {
          return Optional.of(text.substring(eq + 1).strip());
        }
      }
      return Optional.empty();
    }

    Path pidFile() {
      return dataDir.resolve("vigild.pid");
    }
  }

  static Optional<ProcessHandle> running(NodePaths paths) {
    return DemoCommand.readPid(paths.pidFile()).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
  }

  @Command(name = "start", description = "Start this machine's vigild (bin/vigild --config FILE) and wait until it has a DC")
  static final class Start implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--config", description = "default /etc/vigil/vigild.conf") Path config;

    @Override
    public Integer call() {
      Path conf = (config != null ? config : DEFAULT_CONFIG).toAbsolutePath();
      NodePaths paths = NodePaths.of(conf);
      Optional<ProcessHandle> already = running(paths);
      if (already.isPresent()) {
        throw new CrmException("vigild is already running (pid " + already.get().pid() + ", " + paths.pidFile() + ")");
      }
      Process p;
      try {
        Files.createDirectories(paths.dataDir());
        p = DemoCommand.launch(conf, paths.dataDir());
      } catch (IOException e) {
        throw new CrmException("cannot start vigild: " + e.getMessage());
      }
      long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
      while (System.currentTimeMillis() < deadline) {
        if (!p.isAlive() && p.exitValue() != 0) {
          throw new CrmException("vigild exited with status " + p.exitValue() + "; see "
              + paths.dataDir().resolve("vigild.out") + " and vigild.log");
        }
        Optional<ClusterStatus> st = DemoCommand.tryStatus(paths.socket());
        if (st.isPresent() && st.get().dc().isPresent()) {
          ClusterCommand.print(st.get(), spec.commandLine().getOut());
          return 0;
        }
        DemoCommand.sleep(200);
      }
      throw new CrmException("vigild did not answer on " + paths.socket() + " within " + START_TIMEOUT_MILLIS / 1000
          + " s; see " + paths.dataDir().resolve("vigild.log"));
    }
  }

  @Command(name = "stop", description = "Stop this machine's vigild (SIGTERM: it leaves the cluster cleanly)")
  static final class Stop implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--config", description = "default /etc/vigil/vigild.conf") Path config;

    @Override
    public Integer call() {
      NodePaths paths = NodePaths.of((config != null ? config : DEFAULT_CONFIG).toAbsolutePath());
      PrintWriter out = spec.commandLine().getOut();
      Optional<ProcessHandle> p = running(paths);
      if (p.isEmpty()) {
        out.println("vigild is not running (" + paths.pidFile() + ")");
        out.flush();
        return 0;
      }
      p.get().destroy();
      try {
        p.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new CrmException("vigild (pid " + p.get().pid() + ") did not stop within 30 s");
      }
      out.println("Stopped vigild (pid " + p.get().pid() + ")");
      out.flush();
      return 0;
    }
  }
}
