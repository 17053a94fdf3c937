package org.vigil.crmsh.ra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.vigil.crmsh.CrmException;
import org.vigil.lrm.Executor;
import org.vigil.lrm.ExecutorConfig;

/**
 * The executor {@code crm} runs agents with on this machine: the standard agent
 * directories ({@code OCF_ROOT} from the environment if set) and the standard agent state
 * directory {@code /run/resource-agents} with {@code HA_VARRUN=/var/run}, as Pacemaker's
 * command line tools run agents.
 */
public final class LocalAgents {
  private static final Path STATE_DIR = Path.of("/run/resource-agents");

  private LocalAgents() {}

  /**
   * An executor for this machine; the caller closes it. Where the standard state directory
   * cannot be written (not root), agents get one under the temporary directory instead.
   */
  public static Executor executor(Map<String, String> env) {
    ExecutorConfig config = ExecutorConfig.defaults(hostname(), stateDir())
        .withExtraEnvironment(Map.of("HA_VARRUN", "/var/run"));
    String ocfRoot = env.get("OCF_ROOT");
    if (ocfRoot != null && !ocfRoot.isEmpty()) {
      config = config.withOcfRoot(Path.of(ocfRoot));
    }
    try {
      return new Executor(config);
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new CrmException("cannot run resource agents here: " + e.getMessage());
    }
  }

  private static Path stateDir() {
    try {
      Files.createDirectories(STATE_DIR);
      if (Files.isWritable(STATE_DIR)) {
        return STATE_DIR;
      }
    } catch (IOException e) {
      // not root: fall through to a private directory
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "vigil-resource-agents-" + System.getProperty("user.name"));
  }

  /** This machine's node name, as {@code uname -n} prints it. */
  public static String hostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      return System.getenv().getOrDefault("HOSTNAME", "localhost");
    }
  }
}
