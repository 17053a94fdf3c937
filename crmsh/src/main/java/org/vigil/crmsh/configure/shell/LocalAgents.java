package org.vigil.crmsh.configure.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vigil.crmsh.configure.syntax.Agent;
import org.vigil.crmsh.configure.syntax.AgentCatalog;

/**
 * The agents installed on this machine: OCF agents under the OCF root, LSB scripts in
 * /etc/init.d, fence agents in /usr/sbin; parameters from the agent's {@code meta-data}.
 * Kept small so that it can delegate to the lrm module's agent directory later.
 */
public final class LocalAgents implements AgentCatalog {
  private static final Pattern PARAMETER = Pattern.compile("<parameter\\s+[^>]*name=\"([^\"]+)\"");
  private final Path ocfRoot;
  private final Path initd;
  private final Path sbin;
  private final Map<String, Optional<List<String>>> cache = new HashMap<>();

  public LocalAgents(Path ocfRoot, Path initd, Path sbin) {
    this.ocfRoot = ocfRoot;
    this.initd = initd;
    this.sbin = sbin;
  }

  public static LocalAgents system() {
    String root = System.getenv().getOrDefault("OCF_ROOT", "/usr/lib/ocf");
    return new LocalAgents(Path.of(root), Path.of("/etc/init.d"), Path.of("/usr/sbin"));
  }

  @Override
  public List<String> agents() {
    List<String> out = new ArrayList<>();
    for (Path provider : list(ocfRoot.resolve("resource.d"))) {
      for (Path agent : list(provider)) {
        out.add("ocf:" + provider.getFileName() + ":" + agent.getFileName());
      }
    }
    for (Path script : list(initd)) {
      out.add("lsb:" + script.getFileName());
    }
    for (Path fence : list(sbin)) {
      if (fence.getFileName().toString().startsWith("fence_")) {
        out.add("stonith:" + fence.getFileName());
      }
    }
    return out;
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public Optional<List<String>> parameters(Agent agent) {
    return cache.computeIfAbsent(agent.fullName(), k -> load(agent));
  }

  private Optional<List<String>> load(Agent agent) {
    Path executable = switch (agent.resourceClass()) {
      case "ocf" -> ocfRoot.resolve("resource.d").resolve(agent.provider()).resolve(agent.type());
      case "lsb" -> initd.resolve(agent.type());
      case "stonith" -> sbin.resolve(agent.type());
      case "service", "systemd" -> null;
      default -> null;
    };
    if (executable == null) {
      return Optional.of(List.of());
    }
    if (!Files.isExecutable(executable)) {
      return Optional.empty();
    }
    if (!agent.resourceClass().equals("ocf") && !agent.resourceClass().equals("stonith")) {
      return Optional.of(List.of());
    }
    return Optional.of(metaDataParameters(executable, agent.resourceClass().equals("ocf") ? "meta-data" : "-o"));
  }

  private List<String> metaDataParameters(Path executable, String argument) {
    List<String> command = argument.equals("-o") ? List.of(executable.toString(), "-o", "metadata")
        : List.of(executable.toString(), argument);
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("OCF_ROOT", ocfRoot.toString());
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(1 << 20);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return List.of();
      }
      List<String> names = new ArrayList<>();
      Matcher m = PARAMETER.matcher(new String(out, StandardCharsets.UTF_8));
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }
}
