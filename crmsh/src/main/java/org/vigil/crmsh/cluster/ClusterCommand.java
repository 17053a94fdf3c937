package org.vigil.crmsh.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.crmsh.CrmException;
import org.vigil.crmsh.cib.CibAccess;
import org.vigil.protocol.ClusterKeyFile;
import org.vigil.protocol.ClusterStatus;
import org.vigil.protocol.ProtocolException;
import org.vigil.protocol.VigilClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crm cluster ...}: the cluster key, quorum and membership of a running node, and a local demo cluster. */
@Command(
    name = "cluster",
    description = "Cluster: keygen, quorum, status, start, stop, demo",
    mixinStandardHelpOptions = true,
    subcommands = {
      ClusterCommand.Keygen.class,
      ClusterCommand.Quorum.class,
      ClusterCommand.Status.class,
      LocalNodeCommand.Start.class,
      LocalNodeCommand.Stop.class,
      DemoCommand.class
    })
public final class ClusterCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where vigild keeps the key when no file is named. */
  static final Path DEFAULT_KEY = Path.of("/etc/vigil/authkey");

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static ClusterStatus status(Path socket) {
    try (VigilClient client = VigilClient.connect(socket)) {
      return client.status();
    } catch (ProtocolException e) {
      throw new CrmException(e.getMessage());
    } catch (VigilClient.RefusedException e) {
      throw new CrmException("vigild refused the status request: " + e.getMessage());
    }
  }

  static Path socket() {
    return CibAccess.socket(System.getenv(), null);
  }

  @Command(name = "keygen", description = "Write a new cluster key (mode 0600), like corosync-keygen; copy it to every node")
  static final class Keygen implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "default /etc/vigil/authkey") Path file;

    @Override
    public Integer call() {
      Path target = file != null ? file : DEFAULT_KEY;
      try {
        ClusterKeyFile.generate(target);
      } catch (FileAlreadyExistsException e) {
        throw new CrmException("key file " + target + " already exists; remove it first to replace the key");
      } catch (IOException e) {
        throw new CrmException("cannot write key file " + target + ": " + e.getMessage());
      }
      spec.commandLine().getOut().println("Wrote a " + ClusterKeyFile.SIZE * 8 + "-bit cluster key to " + target
          + " (mode 0600); copy it to every node");
      return 0;
    }
  }

  @Command(name = "quorum", description = "Quorum state of this node's partition (corosync-quorumtool -s layout)")
  static final class Quorum implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ClusterStatus st = status(socket());
      spec.commandLine().getOut().print(st.quorumReport());
      return st.quorate() ? 0 : 3;
    }
  }

  @Command(name = "status", description = "Membership, DC and quorum as this node sees them")
  static final class Status implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      print(status(socket()), spec.commandLine().getOut());
      return 0;
    }
  }

  /** A few lines: cluster, DC, quorum, members, CIB version. */
  static void print(ClusterStatus st, PrintWriter out) {
    out.printf(Locale.ROOT, "Cluster %s, seen from node %s (membership %s)%n", st.clusterName(), st.localNode(),
        st.ringId());
    out.printf(Locale.ROOT, "DC: %s, partition %s quorum%n", st.dc().orElse("NONE"), st.quorate() ? "with" : "WITHOUT");
    out.printf(Locale.ROOT, "Online: [ %s ]%n", String.join(" ", st.members()));
    String offline = String.join(" ", st.nodes().stream().filter(n -> !n.member()).map(ClusterStatus.NodeStatus::name)
        .toList());
    if (!offline.isEmpty()) {
      out.printf(Locale.ROOT, "OFFLINE: [ %s ]%n", offline);
    }
    out.printf(Locale.ROOT, "CIB: version %s, digest %s%n", st.cibVersion(), st.cibDigest().substring(0,
        Math.min(12, st.cibDigest().length())));
    out.flush();
  }
}
