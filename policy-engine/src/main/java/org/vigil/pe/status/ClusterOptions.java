package org.vigil.pe.status;

import java.util.Locale;
import org.vigil.cib.model.Configuration;
import org.vigil.cib.values.Booleans;
import org.vigil.cib.values.Durations;

/** The cluster properties ({@code crm_config}) the scheduler uses, with Pacemaker's defaults. */
public record ClusterOptions(
    boolean stonithEnabled,
    boolean symmetricCluster,
    NoQuorumPolicy noQuorumPolicy,
    boolean maintenanceMode,
    boolean stopAllResources,
    boolean startFailureIsFatal,
    boolean startupFencing,
    boolean stopOrphanResources,
    boolean stopOrphanActions,
    String stonithAction,
    String placementStrategy,
    long shutdownLockMs,
    boolean shutdownLock) {

  public enum NoQuorumPolicy {
    STOP,
    FREEZE,
    IGNORE,
    DEMOTE,
    SUICIDE;

    static NoQuorumPolicy parse(String s) {
      if (s == null) {
        return STOP;
      }
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "freeze" -> FREEZE;
        case "ignore" -> IGNORE;
        case "demote" -> DEMOTE;
        case "suicide" -> SUICIDE;
        default -> STOP;
      };
    }
  }

  public static ClusterOptions of(Configuration c) {
    String action = c.property("stonith-action").orElse("reboot");
    if (action.equals("poweroff")) {
      action = "off";
    }
    return new ClusterOptions(
        flag(c, "stonith-enabled", true),
        flag(c, "symmetric-cluster", true),
        NoQuorumPolicy.parse(c.property("no-quorum-policy").orElse(null)),
        flag(c, "maintenance-mode", false),
        flag(c, "stop-all-resources", false),
        flag(c, "start-failure-is-fatal", true),
        flag(c, "startup-fencing", true),
        flag(c, "stop-orphan-resources", true),
        flag(c, "stop-orphan-actions", true),
        action,
        c.property("placement-strategy").orElse("default"),
        Durations.parseMillis(c.property("shutdown-lock-limit").orElse("0")).orElse(0L),
        flag(c, "shutdown-lock", false));
  }

  private static boolean flag(Configuration c, String name, boolean fallback) {
    return Booleans.isTrue(c.property(name).orElse(null), fallback);
  }
}
