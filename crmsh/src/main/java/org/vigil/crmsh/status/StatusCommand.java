package org.vigil.crmsh.status;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.vigil.cib.model.Cib;
import org.vigil.crmsh.cib.CibAccess;
import org.vigil.pe.render.ClusterSummary;
import org.vigil.pe.render.CrmMonReport;
import org.vigil.pe.render.StatusViews;
import org.vigil.pe.status.ClusterState;
import org.vigil.pe.status.ClusterStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code crm status}: the layout of {@code crm_mon -1 -r} (what crmsh runs), inactive
 * resources included. On a CIB file the DC and quorum are what the file records.
 */
@Command(name = "status", description = "Show the cluster status (crm_mon -1 -r layout)")
public final class StatusCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Cib cib = CibAccess.fromEnvironment(System.getenv(), null).read();
    Instant now = Instant.now();
    ClusterState state = ClusterStatus.unpack(cib, now);
    PrintWriter out = spec.commandLine().getOut();
    out.print(CrmMonReport.render(ClusterSummary.fromCib(cib), now, ZoneId.systemDefault(),
        StatusViews.of(state), StatusViews.failedActions(state)));
    out.flush();
    return 0;
  }
}
