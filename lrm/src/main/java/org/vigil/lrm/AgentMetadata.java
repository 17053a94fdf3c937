package org.vigil.lrm;

import java.util.List;
import java.util.Optional;

/**
 * An agent's {@code meta-data}: what it is, its parameters and its actions.
 *
 * @param name the agent's own name for itself
 * @param version its {@code <version>} (the agent's version; empty when absent)
 * @param shortdesc one line
 * @param longdesc the full description, as written
 * @param parameters in document order
 * @param actions in document order (an action may appear more than once, e.g. monitor per role)
 */
public record AgentMetadata(
    String name,
    String version,
    String shortdesc,
    String longdesc,
    List<AgentParameter> parameters,
    List<AgentAction> actions) {
  public AgentMetadata {
    parameters = List.copyOf(parameters);
    actions = List.copyOf(actions);
  }

  /**
   * Reads meta-data XML; {@code source} names the agent in error messages. DTDs and
   * entities are not processed.
   */
  public static AgentMetadata parse(String xml, String source) throws MetadataException {
    return MetadataXml.parse(xml, source);
  }

  public boolean hasAction(String action) {
    return actions.stream().anyMatch(a -> a.name().equals(action));
  }

  /** The first listed action of that name. */
  public Optional<AgentAction> action(String action) {
    return actions.stream().filter(a -> a.name().equals(action)).findFirst();
  }

  public Optional<AgentParameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
