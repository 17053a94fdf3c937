package org.vigil.pe.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * crm_simulate's {@code -S} text: the preamble, "Current cluster status", "Transition Summary",
 * "Executing Cluster Transition" and "Revised Cluster Status", each section ended by a blank
 * line but the last.
 */
public final class SimulationReport {
  private static final DateTimeFormatter EXECUTION_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private SimulationReport() {}

  /** What crm_simulate prints before the current status (execution date, banners, counts). */
  public static String preamble(Optional<Instant> executionDate, StatusView current) {
    StringBuilder sb = new StringBuilder();
    executionDate.ifPresent(d -> sb.append(executionDateLine(d)).append('\n'));
    if (current.maintenanceMode()) {
      sb.append('\n').append(CrmMonReport.MAINTENANCE_BANNER).append('\n');
    }
    InstanceCounts counts = InstanceCounts.of(current);
    if (counts.disabled() > 0 || counts.blocked() > 0) {
      sb.append(counts.disabled()).append(" of ").append(counts.total()).append(" resource instances DISABLED and ")
          .append(counts.blocked()).append(" BLOCKED from further action due to failure\n\n");
    }
    return sb.toString();
  }

  /** {@code Using the original execution date of: 2017-05-03 13:33:24Z}. */
  public static String executionDateLine(Instant date) {
    return "Using the original execution date of: " + EXECUTION_DATE.format(date);
  }

  /** A status section: its heading, the node list, a blank line and the resource list. */
  public static String status(String heading, StatusView view) {
    StringBuilder sb = new StringBuilder(heading).append('\n');
    sb.append(StatusText.item(1, "Node List:")).append('\n');
    StatusText.nodeList(view, 2).forEach(l -> sb.append(l).append('\n'));
    sb.append('\n').append(StatusText.item(1, "Full List of Resources:")).append('\n');
    StatusText.resourceList(view, 2).forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }

  /**
   * The whole output. Without a summary it is the current status alone ({@code crm_simulate -x
   * F}); with a summary but no execution, the {@code -R} output; with all, the {@code -S} one.
   *
   * @param summary the Transition Summary lines, each starting with {@code "* "}, or null
   * @param executed the Executing Cluster Transition lines, each starting with {@code "* "},
   *     or null
   * @param revised the status after the simulated execution, or null
   */
  public static String render(Optional<Instant> executionDate, StatusView current, List<String> summary,
      List<String> executed, StatusView revised) {
    return render(head(executionDate, current), executionDate, summary, executed, revised);
  }

  /** The output up to the end of the current status: the preamble and "Current cluster status". */
  public static String head(Optional<Instant> executionDate, StatusView current) {
    return preamble(executionDate, current) + status("Current cluster status:", current);
  }

  /** As {@link #render(Optional, StatusView, List, List, StatusView)}, given its {@link #head}. */
  public static String render(String head, Optional<Instant> executionDate, List<String> summary,
      List<String> executed, StatusView revised) {
    StringBuilder sb = new StringBuilder(head);
    if (summary == null) {
      return sb.toString();
    }
    sb.append("\nTransition Summary:\n");
    summary.forEach(l -> sb.append("  ").append(l).append('\n'));
    if (executed == null || revised == null) {
      return sb.toString();
    }
    sb.append('\n').append("Executing Cluster Transition:\n");
    executed.forEach(l -> sb.append("  ").append(l).append('\n'));
    executionDate.ifPresent(d -> sb.append(executionDateLine(d)).append('\n'));
    sb.append('\n').append(status("Revised Cluster Status:", revised));
    return sb.toString();
  }
}
