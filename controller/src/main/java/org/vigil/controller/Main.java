package org.vigil.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.vigil.membership.KeyFile;
import org.vigil.membership.Membership;
import org.vigil.membership.MembershipException;

/**
 * {@code vigild --config FILE}: runs one node in the foreground until SIGTERM or SIGINT, logging to
 * {@code DATADIR/vigild.log} with its pid in {@code DATADIR/vigild.pid}. {@code vigild keygen FILE}
 * writes a new cluster key (mode 0600).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 2 && args[0].equals("keygen")) {
      try {
        KeyFile key = KeyFile.generate(Path.of(args[1]));
        System.out.println("vigild: wrote cluster key " + key.path() + " (fingerprint " + key.fingerprint() + ")");
        return 0;
      } catch (MembershipException e) {
        System.err.println("vigild: " + e.getMessage());
        return 1;
      }
    }
    if (args.length != 2 || !args[0].equals("--config")) {
      System.err.println("usage: vigild --config FILE | vigild keygen FILE");
      return 2;
    }
    VigildConfig config;
    try {
      config = VigildConfig.read(Path.of(args[1]));
    } catch (VigildConfig.ConfigException e) {
      System.err.println("vigild: " + e.getMessage());
      return 2;
    }
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      System.err.println("vigild: cannot create data directory " + config.dataDir() + ": " + e.getMessage());
      return 1;
    }
    // slf4j-simple reads its settings when the first logger is made: nothing may log before this.
    if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
      System.setProperty("org.slf4j.simpleLogger.logFile", config.logFile().toString());
    }
    Optional<String> running = runningPid(config.pidFile());
    if (running.isPresent()) {
      System.err.println("vigild: node " + config.nodeName() + " is already running (pid " + running.get() + ", "
          + config.pidFile() + ")");
      return 1;
    }
    Daemon daemon;
    try {
      daemon = Daemon.start(config, Membership::start);
    } catch (Daemon.StartException | IOException e) {
      org.slf4j.LoggerFactory.getLogger(Main.class).error("node {}: cannot start: {}", config.nodeName(), e.getMessage());
      System.err.println("vigild: node " + config.nodeName() + ": cannot start: " + e.getMessage());
      return 1;
    }
    try {
      Files.writeString(config.pidFile(), ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("vigild: cannot write pid file " + config.pidFile() + ": " + e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      daemon.close();
      try {
        Files.deleteIfExists(config.pidFile());
      } catch (IOException ignored) {
        // a stale pid file is recognised as such at the next start
      }
      stopped.countDown();
    }, "vigild-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The pid in the pid file, when a live process has it. */
  private static Optional<String> runningPid(Path pidFile) {
    try {
      String pid = Files.readString(pidFile, StandardCharsets.UTF_8).strip();
      long n = Long.parseLong(pid);
      return ProcessHandle.of(n).filter(ProcessHandle::isAlive).filter(p -> n != ProcessHandle.current().pid())
          .map(p -> pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
