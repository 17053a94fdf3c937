package org.vigil.crmsh.configure.syntax;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fixed agent directory for tests: the agents of the classic setups and their parameters. */
public final class TestAgents implements AgentCatalog {
  private static final Map<String, List<String>> AGENTS = Map.of(
      "ocf:heartbeat:IPaddr2", List.of("ip", "cidr_netmask", "nic", "broadcast"),
      "ocf:heartbeat:Filesystem", List.of("device", "directory", "fstype", "options"),
      "ocf:heartbeat:Dummy", List.of("state", "fake"),
      "ocf:heartbeat:ldirectord", List.of("configfile"),
      "ocf:linbit:drbd", List.of("drbd_resource"),
      "ocf:pacemaker:Stateful", List.of("state"),
      "lsb:mysqld", List.of(),
      "lsb:postgresql", List.of(),
      "stonith:fence_dummy", List.of("pcmk_host_list"),
      "stonith:fence_xvm", List.of("pcmk_host_list"));

  @Override
  public List<String> agents() {
    return AGENTS.keySet().stream().sorted().toList();
  }

  @Override
  public Optional<List<String>> parameters(Agent agent) {
    return Optional.ofNullable(AGENTS.get(agent.fullName()));
  }
}
