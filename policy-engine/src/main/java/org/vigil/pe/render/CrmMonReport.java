package org.vigil.pe.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code crm_mon -1 -r} (what {@code crm status} runs): Cluster Summary, Node List, Full List
 * of Resources and, when there are any, Failed Resource Actions.
 */
public final class CrmMonReport {
  static final String MAINTENANCE_BANNER = "              *** Resource management is DISABLED ***\n"
      + "  The cluster will not attempt to start, stop or recover services\n";

  private static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

  private CrmMonReport() {}

  /** The whole report; {@code zone} is where times are shown, as crm_mon uses local time. */
  public static String render(ClusterSummary summary, Instant lastUpdated, ZoneId zone, StatusView view,
      List<FailedActionView> failed) {
    StringBuilder sb = new StringBuilder("Cluster Summary:\n");
    sb.append(StatusText.item(1, "Stack: " + summary.stack())).append('\n');
    String dc = summary.dcName() == null ? "NONE"
        : summary.dcName() + " (version " + (summary.dcVersion() == null ? "unknown" : summary.dcVersion())
            + ") - partition " + (summary.withQuorum() ? "with" : "WITHOUT") + " quorum";
    sb.append(StatusText.item(1, "Current DC: " + dc)).append('\n');
    sb.append(StatusText.item(1, "Last updated: " + ctime(lastUpdated, zone))).append('\n');
    StringBuilder change = new StringBuilder("Last change:  ");
    change.append(summary.lastWritten() == null ? "" : summary.lastWritten());
    if (summary.updateUser() != null) {
      change.append(" by ").append(summary.updateUser());
    }
    if (summary.updateClient() != null) {
      change.append(" via ").append(summary.updateClient());
    }
    if (summary.updateOrigin() != null) {
      change.append(" on ").append(summary.updateOrigin());
    }
    sb.append(StatusText.item(1, change.toString())).append('\n');
    int nodes = view.nodes().size();
    sb.append(StatusText.item(1, nodes + " node" + plural(nodes) + " configured")).append('\n');
    sb.append(StatusText.item(1, instancesLine(InstanceCounts.of(view)))).append('\n');
    if (view.maintenanceMode()) {
      sb.append('\n').append(MAINTENANCE_BANNER);
    }
    sb.append("\nNode List:\n");
    StatusText.nodeList(view, 1).forEach(l -> sb.append(l).append('\n'));
    sb.append("\nFull List of Resources:\n");
    List<String> resources = StatusText.resourceList(view, 1);
    if (resources.isEmpty()) {
      sb.append(StatusText.item(1, "No resources")).append('\n');
    }
    resources.forEach(l -> sb.append(l).append('\n'));
    if (!failed.isEmpty()) {
      sb.append("\nFailed Resource Actions:\n");
      failed.forEach(f -> sb.append(StatusText.item(1, failedAction(f, zone))).append('\n'));
    }
    return sb.toString();
  }

  private static String instancesLine(InstanceCounts c) {
    String line = c.total() + " resource instance" + plural(c.total()) + " configured";
    if (c.disabled() > 0 && c.blocked() > 0) {
      return line + " (" + c.disabled() + " DISABLED, " + c.blocked() + " BLOCKED from further action due to failure)";
    }
    if (c.disabled() > 0) {
      return line + " (" + c.disabled() + " DISABLED)";
    }
    if (c.blocked() > 0) {
      return line + " (" + c.blocked() + " BLOCKED from further action due to failure)";
    }
    return line;
  }

  /** {@code RSC [10s-interval ]TASK on NODE returned 'TEXT'[ (REASON)][ at DATE][ after T]}. */
  static String failedAction(FailedActionView f, ZoneId zone) {
    StringBuilder sb = new StringBuilder(f.resource()).append(' ');
    String task = f.task();
    if (f.intervalMs() > 0) {
      sb.append(Durations.readable(f.intervalMs())).append("-interval ");
    } else if (task.equals("monitor")) {
      task = "probe";
    }
    sb.append(task).append(" on ").append(f.node());
    if (f.executionStatus() == 0) {
      sb.append(" returned '").append(OcfExitCodes.text(f.rc())).append('\'');
    } else {
      sb.append(" could not be executed (").append(ExecutionStatus.text(f.executionStatus())).append(')');
    }
    if (f.exitReason() != null && !f.exitReason().isEmpty()) {
      sb.append(" (").append(f.exitReason()).append(')');
    }
    if (f.lastRcChange() != null && f.lastRcChange() > 0) {
      sb.append(" at ").append(ctime(Instant.ofEpochSecond(f.lastRcChange()), zone));
    }
    if (f.execTimeMs() > 0) {
      sb.append(" after ").append(Durations.readable(f.execTimeMs()));
    }
    return sb.toString();
  }

  /** C's {@code ctime()} layout: {@code Mon Nov 23 00:36:45 2026}, day padded with a space. */
  public static String ctime(Instant t, ZoneId zone) {
    return CTIME.format(t.atZone(zone));
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
