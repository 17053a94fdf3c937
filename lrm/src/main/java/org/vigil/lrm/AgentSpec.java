package org.vigil.lrm;

import java.util.Objects;

/**
 * Which agent runs a resource: {@code ocf:heartbeat:IPaddr2}, {@code lsb:apache2},
 * {@code systemd:nginx}. Only OCF agents have a provider.
 */
public record AgentSpec(AgentClass agentClass, String provider, String type) {
  public AgentSpec {
    Objects.requireNonNull(agentClass, "agentClass");
    Objects.requireNonNull(type, "type");
    if (agentClass == AgentClass.OCF && (provider == null || provider.isEmpty())) {
      throw new IllegalArgumentException("an ocf agent needs a provider (ocf:PROVIDER:TYPE): " + type);
    }
    if (agentClass != AgentClass.OCF && provider != null) {
      throw new IllegalArgumentException(agentClass + " agents have no provider: " + provider);
    }
    if (type.isEmpty() || type.contains("/") || type.equals(".") || type.equals("..")) {
      throw new IllegalArgumentException("bad agent type '" + type + "'");
    }
    if (provider != null && (provider.contains("/") || provider.equals(".") || provider.equals(".."))) {
      throw new IllegalArgumentException("bad agent provider '" + provider + "'");
    }
  }

  public static AgentSpec ocf(String provider, String type) {
    return new AgentSpec(AgentClass.OCF, provider, type);
  }

  public static AgentSpec lsb(String name) {
    return new AgentSpec(AgentClass.LSB, null, name);
  }

  /**
   * Parses {@code ocf:PROVIDER:TYPE}, {@code lsb:NAME}, {@code service:NAME},
   * {@code systemd:NAME}; a bare {@code NAME} is taken as {@code ocf:heartbeat:NAME} as crmsh does.
   */
  public static AgentSpec parse(String text) {
    String[] parts = text.split(":", -1);
    return switch (parts.length) {
      case 1 -> ocf("heartbeat", parts[0]);
      case 2 -> new AgentSpec(AgentClass.parse(parts[0]), null, parts[1]);
      case 3 -> {
        if (AgentClass.parse(parts[0]) != AgentClass.OCF) {
          throw new IllegalArgumentException("only ocf agents have a provider: " + text);
        }
        yield ocf(parts[1], parts[2]);
      }
      default -> throw new IllegalArgumentException("bad resource agent '" + text + "' (CLASS:[PROVIDER:]TYPE)");
    };
  }

  @Override
  public String toString() {
    return provider == null ? agentClass + ":" + type : agentClass + ":" + provider + ":" + type;
  }
}
