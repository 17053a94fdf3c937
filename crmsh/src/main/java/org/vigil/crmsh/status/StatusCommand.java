package org.vigil.crmsh.status;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.vigil.cib.model.Cib;
import org.vigil.crmsh.cib.CibAccess;
import org.vigil.crmsh.cib.LiveCibAccess;
import org.vigil.pe.render.ClusterSummary;
import org.vigil.pe.render.CrmMonReport;
import org.vigil.pe.render.StatusViews;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code crm status}: the layout of {@code crm_mon -1 -r} (what crmsh runs), inactive
 * resources included. On a CIB file the DC and quorum are what the file records; on a live
 * node they are what its membership says now.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the cluster status (crm_mon -1 -r layout)")
public final class StatusCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    print(CibAccess.fromEnvironment(System.getenv(), null), spec.commandLine().getOut());
    return 0;
  }

  /** Prints the status of the CIB behind {@code access} (also used by {@code crm cluster demo}). */
  public static void print(CibAccess access, PrintWriter out) {
    Cib cib = access.read();
    ClusterSummary summary = access instanceof LiveCibAccess live ? live.summary(cib) : ClusterSummary.fromCib(cib);
    Instant now = Instant.now();
    ClusterState state = ClusterStatus.unpack(cib, now);
    out.print(CrmMonReport.render(summary, now, ZoneId.systemDefault(),
        StatusViews.of(state), StatusViews.failedActions(state)));
    out.flush();
  }
}
