package org.vigil.lrm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The agents installed on this machine: classes, OCF providers, agent names, and where an
 * agent's executable is. Reads the file system on every call (agents come and go with
 * packages).
 */
public final class AgentCatalog {
  /** Where systemd says it runs (sd_booted(3)). */
  private static final Path SYSTEMD_RUNTIME = Path.of("/run/systemd/system");

  private final Path ocfRoot;
  private final Path lsbDir;

  public AgentCatalog(Path ocfRoot, Path lsbDir) {
    this.ocfRoot = ocfRoot;
    this.lsbDir = lsbDir;
  }

  /** Whether systemd is this machine's service manager (not merely installed). */
  public boolean systemdRunning() {
    return Files.isDirectory(SYSTEMD_RUNTIME);
  }

  /** The classes this machine can run, by name: lsb, ocf, service, and systemd where it is running. */
  public List<AgentClass> classes() {
    List<AgentClass> out = new ArrayList<>(List.of(AgentClass.LSB, AgentClass.OCF, AgentClass.SERVICE));
    if (systemdRunning()) {
      out.add(AgentClass.SYSTEMD);
    }
    return out;
  }

  /** OCF providers (directories under {@code resource.d}), sorted. */
  public List<String> providers() {
    return list(ocfRoot.resolve("resource.d"), Files::isDirectory);
  }

  /**
   * The agents of a class, sorted by name. For OCF, {@code provider} narrows the list to one
   * provider (null: all providers, each name once).
   *
   * @throws AgentClassUnavailableException for systemd where systemd is not running
   */
  public List<String> agents(AgentClass agentClass, String provider) {
    return switch (agentClass) {
      case OCF -> {
        TreeSet<String> names = new TreeSet<>();
        for (String p : provider == null ? providers() : List.of(provider)) {
          names.addAll(list(ocfRoot.resolve("resource.d").resolve(p), AgentCatalog::isAgentFile));
        }
        yield List.copyOf(names);
      }
      case LSB -> list(lsbDir, AgentCatalog::isAgentFile);
      case SERVICE -> systemdRunning() ? systemdUnits() : list(lsbDir, AgentCatalog::isAgentFile);
      case SYSTEMD -> systemdUnits();
    };
  }

  /**
   * The file that implements {@code spec} for the LSB and OCF classes (service: the LSB
   * script when systemd is not running); empty when there is no such file.
   */
  public Optional<Path> executable(AgentSpec spec) {
    Path p = switch (effectiveClass(spec.agentClass())) {
      case OCF -> ocfRoot.resolve("resource.d").resolve(spec.provider()).resolve(spec.type());
      case LSB -> lsbDir.resolve(spec.type());
      case SERVICE, SYSTEMD -> null;
    };
    return p != null && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** What {@code service:} means here: systemd where it runs, LSB elsewhere. */
  public AgentClass effectiveClass(AgentClass c) {
    if (c == AgentClass.SERVICE) {
      return systemdRunning() ? AgentClass.SYSTEMD : AgentClass.LSB;
    }
    return c;
  }

  private List<String> systemdUnits() {
    if (!systemdRunning()) {
      throw new AgentClassUnavailableException("systemd is not running on this machine (no " + SYSTEMD_RUNTIME
          + "): the systemd class is not available");
    }
    TreeSet<String> units = new TreeSet<>();
    for (Path dir : List.of(Path.of("/etc/systemd/system"), Path.of("/run/systemd/system"),
        Path.of("/lib/systemd/system"), Path.of("/usr/lib/systemd/system"))) {
      for (String f : list(dir, p -> true)) {
        if (f.endsWith(".service") && !f.contains("@")) {
          units.add(f.substring(0, f.length() - ".service".length()));
        }
      }
    }
    return List.copyOf(units);
  }

  private static boolean isAgentFile(Path p) {
    String n = p.getFileName().toString();
    return Files.isRegularFile(p) && Files.isExecutable(p) && !n.startsWith(".") && !n.endsWith("~")
        && !n.endsWith(".dpkg-old") && !n.endsWith(".dpkg-dist") && !n.endsWith(".rpmnew") && !n.endsWith(".rpmsave");
  }

  private static List<String> list(Path dir, java.util.function.Predicate<Path> keep) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(keep).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A class of agents this machine cannot run (systemd without systemd). */
  public static final class AgentClassUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgentClassUnavailableException(String message) {
      super(message);
    }
  }
}
