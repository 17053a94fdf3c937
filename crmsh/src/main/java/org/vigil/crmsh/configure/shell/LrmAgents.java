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
import java.util.stream.Stream;
import org.vigil.crmsh.configure.syntax.Agent;
import org.vigil.crmsh.configure.syntax.AgentCatalog;
import org.vigil.crmsh.ra.LocalAgents;
import org.vigil.lrm.AgentClass;
import org.vigil.lrm.AgentMetadata;
import org.vigil.lrm.AgentParameter;
import org.vigil.lrm.AgentSpec;
import org.vigil.lrm.Executor;
import org.vigil.lrm.MetadataException;

/**
 * The agents of this machine through lrm's agent directory and meta-data reader; fence
 * agents (which lrm does not run) from /usr/sbin, their parameters from {@code -o metadata}.
 * The executor is opened on first use, as listing agents is only needed for completion and
 * checks.
 */
public final class LrmAgents implements AgentCatalog {
  private static final Path FENCE_DIR = Path.of("/usr/sbin");
  private final Map<String, String> env;
  private final Map<String, Optional<List<String>>> parameters = new HashMap<>();
  private Executor executor;

  public LrmAgents(Map<String, String> env) {
    this.env = env;
  }

  private Executor executor() {
    if (executor == null) {
      executor = LocalAgents.executor(env);
    }
    return executor;
  }

  @Override
  public List<String> agents() {
    List<String> out = new ArrayList<>();
    org.vigil.lrm.AgentCatalog catalog = executor().catalog();
    for (String provider : catalog.providers()) {
      catalog.agents(AgentClass.OCF, provider).forEach(a -> out.add("ocf:" + provider + ":" + a));
    }
    catalog.agents(AgentClass.LSB, null).forEach(a -> out.add("lsb:" + a));
    fenceAgents().forEach(a -> out.add("stonith:" + a));
    return out;
  }

  private static List<String> fenceAgents() {
    if (!Files.isDirectory(FENCE_DIR)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(FENCE_DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("fence_")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public Optional<List<String>> parameters(Agent agent) {
    return parameters.computeIfAbsent(agent.fullName(), k -> load(agent));
  }

  private Optional<List<String>> load(Agent agent) {
    if (agent.resourceClass().equals("stonith")) {
      Path exe = FENCE_DIR.resolve(agent.type());
      return Files.isExecutable(exe) ? Optional.of(fenceParameters(exe)) : Optional.empty();
    }
    AgentSpec spec;
    try {
      spec = new AgentSpec(AgentClass.parse(agent.resourceClass()), agent.provider(), agent.type());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    AgentClass effective = executor().catalog().effectiveClass(spec.agentClass());
    if ((effective == AgentClass.OCF || effective == AgentClass.LSB) && executor().catalog().executable(spec).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(executor().metadata(spec).parameters().stream().map(AgentParameter::name).toList());
    } catch (MetadataException e) {
      // Installed but without usable meta-data: accept the agent, offer no parameters.
      return Optional.of(List.of());
    }
  }

  private static List<String> fenceParameters(Path exe) {
    try {
      Process p = new ProcessBuilder(exe.toString(), "-o", "metadata").redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      p.getOutputStream().close();
      String xml = new String(p.getInputStream().readNBytes(1 << 20), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return List.of();
      }
      AgentMetadata md = AgentMetadata.parse(xml, exe.getFileName().toString());
      return md.parameters().stream().map(AgentParameter::name).toList();
    } catch (IOException | MetadataException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }
}
