package org.vigil.lrm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one agent process in a process group of its own and waits for it with a timeout.
 *
 * <p>The agent is started through util-linux {@code setsid}: the JVM's child is never a
 * process group leader, so setsid makes it one in place and execs the agent, and the
 * group id is the child's pid. On timeout the whole group gets SIGTERM, then SIGKILL after
 * the grace period, so the agent's children die with it. Output is read on separate
 * threads that keep at most {@code cap} bytes and drop the rest, so a chatty agent never
 * blocks on a full pipe. A child that outlives a successful agent and keeps the pipes open
 * (a daemon that did not close them) does not hold up the result: after the agent exits,
 * its output is taken as it is after a short drain. The reader threads go on draining (and
 * dropping) what such a daemon writes until it closes the pipes or exits; closing our end
 * instead would make the daemon's writes fail.
 */
final class AgentProcess {
  private static final Logger LOG = LoggerFactory.getLogger(AgentProcess.class);
  private static final Duration DRAIN = Duration.ofMillis(500);

  /**
   * What became of the process.
   *
   * @param exitCode the exit value (128+N when killed by signal N, as Java reports it); -1 when timed out
   * @param timedOut whether it was killed for running past the timeout
   * @param ran how long it ran
   * @param pgid its process group
   */
  record Outcome(int exitCode, boolean timedOut, Duration ran, long pgid, String stdout, String stderr,
      boolean truncated) {}

  private final Path setsid;
  private final Path kill;
  private final ExecutorService readers;

  AgentProcess(Path setsid, Path kill, ExecutorService readers) {
    this.setsid = setsid;
    this.kill = kill;
    this.readers = readers;
  }

  /** Finds {@code setsid} and {@code kill}; the executor cannot work without them. */
  static Path tool(String name) {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException("'" + name + "' (util-linux/procps) is not installed: the executor needs it");
  }

  Outcome run(List<String> command, Map<String, String> env, Duration timeout, int cap, Duration killGrace)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    argv.add(setsid.toString());
    argv.add("--wait");
    argv.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    long t0 = System.nanoTime();
    Process p = pb.start();
    long pgid = p.pid();
    Capture out = new Capture(cap);
    Capture err = new Capture(cap);
    readers.execute(() -> out.drain(p.getInputStream()));
    readers.execute(() -> err.drain(p.getErrorStream()));
    boolean exited = p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    boolean timedOut = false;
    if (!exited) {
      timedOut = true;
      signalGroup(pgid, "TERM");
      p.waitFor(killGrace.toNanos(), TimeUnit.NANOSECONDS);
      // the leader may be gone while its children ignore TERM: the group gets KILL regardless
      signalGroup(pgid, "KILL");
      p.waitFor();
    }
    Duration ran = Duration.ofNanos(System.nanoTime() - t0);
    out.awaitEnd(DRAIN);
    err.awaitEnd(DRAIN);
    return new Outcome(timedOut ? -1 : p.exitValue(), timedOut, ran, pgid, out.text(), err.text(),
        out.truncated() || err.truncated());
  }

  private void signalGroup(long pgid, String signal) throws InterruptedException {
    try {
      Process k = new ProcessBuilder(kill.toString(), "-s", signal, "--", "-" + pgid)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      k.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      LOG.error("cannot signal process group {} with SIG{}: {}", pgid, signal, e.getMessage());
    }
  }

  /** One output stream, read to its end; the first {@code cap} bytes kept. */
  private static final class Capture {
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;
    private boolean ended;

    Capture(int cap) {
      this.cap = cap;
    }

    void drain(InputStream in) {
      byte[] buf = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          synchronized (this) {
            int keep = (int) Math.max(0, Math.min(n, cap - total));
            kept.write(buf, 0, keep);
            total += n;
          }
        }
      } catch (IOException e) {
        LOG.debug("agent output stream closed: {}", e.getMessage());
      } finally {
        synchronized (this) {
          ended = true;
          notifyAll();
        }
      }
    }

    synchronized void awaitEnd(Duration max) throws InterruptedException {
      long deadline = System.nanoTime() + max.toNanos();
      while (!ended) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    synchronized String text() {
      return kept.toString(StandardCharsets.UTF_8);
    }

    synchronized boolean truncated() {
      return total > cap;
    }
  }
}
