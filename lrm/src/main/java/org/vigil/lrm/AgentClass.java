package org.vigil.lrm;

import java.util.Locale;

/** The standard an agent follows, as the first part of {@code class:provider:type}. */
public enum AgentClass {
  /** Open Cluster Framework agents under {@code $OCF_ROOT/resource.d/PROVIDER/TYPE}. */
  OCF("ocf"),
  /** Init scripts under {@code /etc/init.d}, run as {@code SCRIPT start|stop|status}. */
  LSB("lsb"),
  /** Whatever runs services on this machine: systemd when it is running, else LSB. */
  SERVICE("service"),
  /** systemd units, driven through {@code systemctl}; only where systemd is running. */
  SYSTEMD("systemd");

  private final String text;

  AgentClass(String text) {
    this.text = text;
  }

  /** The name used in the CIB and on the command line. */
  public String text() {
    return text;
  }

  /** The class named {@code text} ({@code ocf}, {@code lsb}, ...), case-insensitively. */
  public static AgentClass parse(String text) {
    for (AgentClass c : values()) {
      if (c.text.equals(text.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown resource agent class '" + text + "' (ocf, lsb, service or systemd)");
  }

  @Override
  public String toString() {
    return text;
  }
}
