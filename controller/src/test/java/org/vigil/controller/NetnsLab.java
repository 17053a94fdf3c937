package org.vigil.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces for a test, every one removed by {@link #close()} whatever the test's outcome
 * (links and bridges created inside them go with them). Names start with a random tag so that
 * parallel runs do not collide; interface names stay within Linux's 15 characters. Needs root and
 * iproute2: {@link #add} answers false where namespaces cannot be created.
 */
final class NetnsLab implements AutoCloseable {
  /** What a command printed (stdout and stderr together) and its exit status; -1 on a timeout. */
  record Result(int exit, String output) {}

  final String tag = "vgd" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
  private final List<String> namespaces = new ArrayList<>();

  static Result exec(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, new String(out, StandardCharsets.UTF_8));
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  static int run(String... cmd) throws IOException, InterruptedException {
    return exec(cmd).exit();
  }

  /** Runs {@code cmd} and fails the test, with what it printed, unless it succeeds. */
  static String must(String... cmd) throws IOException, InterruptedException {
    Result r = exec(cmd);
    assertThat(r.exit()).as(String.join(" ", cmd) + ": " + r.output().strip()).isZero();
    return r.output();
  }

  /** The namespace {@code TAG + suffix}. */
  String ns(String suffix) {
    return tag + suffix;
  }

  /** Creates namespace {@code TAG + suffix} with its loopback up; false when this machine cannot. */
  boolean add(String suffix) throws IOException, InterruptedException {
    String name = ns(suffix);
    try {
      if (run("ip", "netns", "add", name) != 0) {
        return false;
      }
    } catch (IOException noIpCommand) {
      return false;
    }
    namespaces.add(name);
    must("ip", "-n", name, "link", "set", "lo", "up");
    return true;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      run("ip", "netns", "del", namespaces.get(i));
    }
    namespaces.clear();
  }
}
