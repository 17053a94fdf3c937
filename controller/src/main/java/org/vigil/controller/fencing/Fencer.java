package org.vigil.controller.fencing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs fence agents: each device of a {@link FencePlan} in turn until one succeeds, the agent
 * found in the agent directories ({@code /usr/sbin} where Debian's fence-agents put theirs),
 * its parameters written to its standard input as {@code name=value} lines, killed when it
 * overruns its timeout. Blocking: the caller runs it off its event loop.
 */
public final class Fencer {
  private static final Logger log = LoggerFactory.getLogger(Fencer.class);
  private static final int MAX_OUTPUT = 4096;

  /** How fencing of a node ended. */
  public sealed interface Result {
    /** The node was fenced by this device. */
    record Fenced(String device) implements Result {}

    /** No device could fence it; {@code reason} names what was tried. */
    record NotFenced(String reason) implements Result {}
  }

  /** Where fence agents are looked for when nothing else is said: where Debian installs them. */
  public static final List<Path> STANDARD_AGENT_DIRS = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));

  private final List<Path> agentDirs;

  /**
   * The standard agent directories, after those named in {@code VIGIL_FENCE_AGENT_DIRS}
   * (colon-separated; tests and demos put their own agents there).
   */
  public static List<Path> agentDirs(String fromEnvironment) {
    List<Path> dirs = new java.util.ArrayList<>();
    if (fromEnvironment != null) {
      for (String d : fromEnvironment.split(":")) {
        if (!d.isBlank()) {
          dirs.add(Path.of(d));
        }
      }
    }
    dirs.addAll(STANDARD_AGENT_DIRS);
    return dirs;
  }

  public Fencer(List<Path> agentDirs) {
    this.agentDirs = List.copyOf(agentDirs);
  }

  public Result fence(FencePlan plan) {
    if (plan.devices().isEmpty()) {
      return new Result.NotFenced("no fencing device can fence " + plan.target());
    }
    StringBuilder failures = new StringBuilder();
    for (FenceDevice d : plan.devices()) {
      Optional<String> failure = run(d, plan.action());
      if (failure.isEmpty()) {
        log.info("Node {} fenced ({}) by device {}", plan.target(), plan.action(), d.id());
        return new Result.Fenced(d.id());
      }
      log.warn("Fencing of {} ({}) by device {} failed: {}", plan.target(), plan.action(), d.id(), failure.get());
      failures.append(failures.length() == 0 ? "" : "; ").append(d.id()).append(": ").append(failure.get());
    }
    return new Result.NotFenced("fencing of " + plan.target() + " failed: " + failures);
  }

  /** Runs one device's agent; empty on success, else what went wrong. */
  Optional<String> run(FenceDevice device, String action) {
    Optional<Path> agent = agentDirs.stream().map(dir -> dir.resolve(device.agent()))
        .filter(Files::isExecutable).findFirst();
    if (agent.isEmpty() || device.agent().contains("/")) {
      return Optional.of("fence agent " + device.agent() + " not found in " + agentDirs);
    }
    Process p;
    try {
      p = new ProcessBuilder(agent.get().toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      return Optional.of("cannot run " + agent.get() + ": " + e.getMessage());
    }
    try (OutputStream in = p.getOutputStream()) {
      StringBuilder sb = new StringBuilder("action=").append(action).append('\n');
      for (Map.Entry<String, String> e : device.params().entrySet()) {
        sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
      }
      in.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.debug("fence agent {} closed its input early: {}", device.agent(), e.getMessage());
    }
    try {
      if (!p.waitFor(device.timeoutMs(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return Optional.of("timed out after " + device.timeoutMs() + "ms");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
    int rc = p.exitValue();
    if (rc == 0) {
      return Optional.empty();
    }
    return Optional.of("agent " + device.agent() + " returned " + rc + lastLine(p.getInputStream()));
  }

  private static String lastLine(InputStream out) {
    try {
      String text = new String(out.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "" : ": " + text.substring(text.lastIndexOf('\n') + 1);
    } catch (IOException e) {
      return "";
    }
  }
}
