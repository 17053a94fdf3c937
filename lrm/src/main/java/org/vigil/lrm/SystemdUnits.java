package org.vigil.lrm;

import java.util.List;

/**
 * systemd units as agents, driven through {@code systemctl} (only used where systemd is
 * running): start and stop wait for the job; monitor asks {@code is-active}.
 */
final class SystemdUnits {
  /** systemctl's exit code for a unit it does not know (LSB "not installed"). */
  private static final int UNIT_NOT_FOUND = 5;

  private SystemdUnits() {}

  /** The command for {@code action}, or null when a unit has no such action. */
  static List<String> command(String unit, String action) {
    String name = unit.contains(".") ? unit : unit + ".service";
    return switch (action) {
      case "start", "stop", "restart", "reload" -> List.of("systemctl", action, name);
      case "monitor", "status" -> List.of("systemctl", "is-active", "--quiet", name);
      default -> null;
    };
  }

  static OcfCode toOcf(String action, int exitCode) {
    if (action.equals("monitor") || action.equals("status")) {
      return exitCode == 0 ? OcfCode.SUCCESS : OcfCode.NOT_RUNNING;
    }
    return exitCode == 0 ? OcfCode.SUCCESS : exitCode == UNIT_NOT_FOUND ? OcfCode.ERR_INSTALLED : OcfCode.ERR_GENERIC;
  }

  static AgentMetadata metadata(String unit) {
    return new AgentMetadata(unit, "1.0", "systemd unit file for " + unit, "Cluster controlled " + unit, List.of(),
        List.of(AgentAction.of("start", "timeout", "100s"), AgentAction.of("stop", "timeout", "100s"),
            AgentAction.of("status", "timeout", "100s"), AgentAction.of("monitor", "timeout", "100s", "interval", "60s")));
  }
}
