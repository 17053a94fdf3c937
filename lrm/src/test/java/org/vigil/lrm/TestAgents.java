package org.vigil.lrm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A scratch OCF root and LSB directory under /tmp/lrm for agents that tests write. */
final class TestAgents implements AutoCloseable {
  final Path root;
  final Path ocfRoot;
  final Path lsbDir;
  final Path stateDir;

  TestAgents() throws IOException {
    Files.createDirectories(Path.of("/tmp/lrm"));
    root = Files.createTempDirectory(Path.of("/tmp/lrm"), "agents-");
    ocfRoot = root.resolve("ocf");
    lsbDir = root.resolve("init.d");
    stateDir = root.resolve("state");
    Files.createDirectories(ocfRoot.resolve("resource.d/test"));
    Files.createDirectories(lsbDir);
  }

  /** Writes an executable OCF agent {@code ocf:test:NAME} with the given shell body. */
  AgentSpec ocf(String name, String body) throws IOException {
    write(ocfRoot.resolve("resource.d/test").resolve(name), "#!/bin/sh\n" + body + "\n", true);
    return AgentSpec.ocf("test", name);
  }

  AgentSpec lsb(String name, String body) throws IOException {
    write(lsbDir.resolve(name), "#!/bin/sh\n" + body + "\n", true);
    return AgentSpec.lsb(name);
  }

  static void write(Path p, String text, boolean executable) throws IOException {
    Files.writeString(p, text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
  }

  ExecutorConfig config(String node) {
    return ExecutorConfig.defaults(node, stateDir).withOcfRoot(ocfRoot).withLsbDir(lsbDir)
        .withKillGrace(Duration.ofMillis(500));
  }

  static OperationRequest op(String rsc, AgentSpec agent, String action, Duration timeout) {
    return OperationRequest.of(rsc, agent, action, timeout, Map.of());
  }

  @Override
  public void close() {
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
