package org.vigil.crmsh.configure.syntax;

/**
 * A resource agent as crmsh names it: {@code class:provider:type}, {@code class:type}, or a
 * bare {@code type} meaning {@code ocf:heartbeat:type}.
 */
public record Agent(String resourceClass, String provider, String type) {
  private static final java.util.Set<String> CLASSES =
      java.util.Set.of("ocf", "lsb", "service", "systemd", "stonith", "upstart", "nagios", "heartbeat");

  public static Agent parse(Token t) {
    String[] parts = t.text().split(":", -1);
    for (String p : parts) {
      if (p.isEmpty()) {
        throw SyntaxError.at(t, "malformed agent '" + t.text() + "' (class:provider:type)");
      }
    }
    if (parts.length == 1) {
      return new Agent("ocf", "heartbeat", parts[0]);
    }
    if (!CLASSES.contains(parts[0])) {
      throw SyntaxError.at(t, "unknown agent class '" + parts[0] + "' in '" + t.text() + "'");
    }
    if (parts.length == 2) {
      if (parts[0].equals("ocf")) {
        throw SyntaxError.at(t, "an ocf agent needs a provider: ocf:PROVIDER:" + parts[1]);
      }
      return new Agent(parts[0], null, parts[1]);
    }
    if (parts.length == 3 && parts[0].equals("ocf")) {
      return new Agent(parts[0], parts[1], parts[2]);
    }
    throw SyntaxError.at(t, "malformed agent '" + t.text() + "' (class:provider:type)");
  }

  /** How {@code show} prints it: ocf:heartbeat agents by their type alone. */
  public String shortName() {
    if ("ocf".equals(resourceClass) && "heartbeat".equals(provider)) {
      return type;
    }
    return provider == null ? resourceClass + ":" + type : resourceClass + ":" + provider + ":" + type;
  }

  public String fullName() {
    return provider == null ? resourceClass + ":" + type : resourceClass + ":" + provider + ":" + type;
  }
}
