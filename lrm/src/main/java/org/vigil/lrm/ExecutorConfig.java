package org.vigil.lrm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How one node's executor finds and runs agents.
 *
 * @param nodeName this node's name, given to agents as {@code OCF_RESKEY_CRM_meta_on_node}
 * @param ocfRoot {@code OCF_ROOT}, where {@code resource.d/PROVIDER/TYPE} agents live
 * @param lsbDir where LSB init scripts live
 * @param stateDir this node's agent state directory, given to agents as {@code HA_RSCTMP} and
 *     {@code HA_VARRUN} so that several nodes on one machine keep apart the state files
 *     agents like ocf:heartbeat:Dummy and ocf:pacemaker:Dummy write by default
 * @param actionLimit how many agents run at once (Pacemaker's {@code PCMK_node_action_limit})
 * @param outputCap how many bytes of each of stdout and stderr are kept; the rest is read and dropped
 * @param killGrace how long a timed-out agent's process group has between SIGTERM and SIGKILL
 * @param extraEnvironment variables added to every agent's environment (e.g. {@code HA_SBIN_DIR}
 *     pointing at Vigil's own {@code crm_attribute}); they override the executor's HA_*
 *     defaults, the OCF variables of an operation override them
 */
public record ExecutorConfig(
    String nodeName,
    Path ocfRoot,
    Path lsbDir,
    Path stateDir,
    int actionLimit,
    int outputCap,
    Duration killGrace,
    Map<String, String> extraEnvironment) {
  public static final Path DEFAULT_OCF_ROOT = Path.of("/usr/lib/ocf");
  public static final Path DEFAULT_LSB_DIR = Path.of("/etc/init.d");
  /** Pacemaker's default action limit is twice the number of cores. */
  public static final int DEFAULT_ACTION_LIMIT = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  public static final int DEFAULT_OUTPUT_CAP = 64 * 1024;

  public ExecutorConfig {
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(ocfRoot, "ocfRoot");
    Objects.requireNonNull(lsbDir, "lsbDir");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(killGrace, "killGrace");
    if (actionLimit < 1) {
      throw new IllegalArgumentException("actionLimit must be at least 1: " + actionLimit);
    }
    if (outputCap < 0) {
      throw new IllegalArgumentException("outputCap must not be negative: " + outputCap);
    }
    extraEnvironment = Map.copyOf(extraEnvironment);
  }

  /** The standard locations, Pacemaker's default limits, and {@code stateDir} for agent state. */
  public static ExecutorConfig defaults(String nodeName, Path stateDir) {
    return new ExecutorConfig(nodeName, DEFAULT_OCF_ROOT, DEFAULT_LSB_DIR, stateDir, DEFAULT_ACTION_LIMIT,
        DEFAULT_OUTPUT_CAP, Duration.ofSeconds(2), Map.of());
  }

  public ExecutorConfig withOcfRoot(Path root) {
    return new ExecutorConfig(nodeName, root, lsbDir, stateDir, actionLimit, outputCap, killGrace, extraEnvironment);
  }

  public ExecutorConfig withLsbDir(Path dir) {
    return new ExecutorConfig(nodeName, ocfRoot, dir, stateDir, actionLimit, outputCap, killGrace, extraEnvironment);
  }

  public ExecutorConfig withActionLimit(int limit) {
    return new ExecutorConfig(nodeName, ocfRoot, lsbDir, stateDir, limit, outputCap, killGrace, extraEnvironment);
  }

  public ExecutorConfig withOutputCap(int cap) {
    return new ExecutorConfig(nodeName, ocfRoot, lsbDir, stateDir, actionLimit, cap, killGrace, extraEnvironment);
  }

  public ExecutorConfig withKillGrace(Duration grace) {
    return new ExecutorConfig(nodeName, ocfRoot, lsbDir, stateDir, actionLimit, outputCap, grace, extraEnvironment);
  }

  public ExecutorConfig withExtraEnvironment(Map<String, String> env) {
    return new ExecutorConfig(nodeName, ocfRoot, lsbDir, stateDir, actionLimit, outputCap, killGrace, env);
  }
}
