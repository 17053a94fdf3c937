package org.vigil.crmsh.configure.syntax;

import java.util.List;
import java.util.Optional;

/** The resource agents installed here and their parameters, for checks and completion. */
public interface AgentCatalog {
  /** Every agent, by full name ({@code ocf:heartbeat:IPaddr2}, {@code lsb:mysql}, ...). */
  List<String> agents();

  /** The agent's parameters from its meta-data; empty when the agent is not installed. */
  Optional<List<String>> parameters(Agent agent);

  /** Accepts any agent: for loading configurations written elsewhere. */
  AgentCatalog ANY = new AgentCatalog() {
    @Override
    public List<String> agents() {
      return List.of();
    }

    @Override
    public Optional<List<String>> parameters(Agent agent) {
      return Optional.of(List.of());
    }
  };
}
