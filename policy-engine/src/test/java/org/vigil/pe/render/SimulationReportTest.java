package org.vigil.pe.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.cib.model.Role;

class SimulationReportTest {
  private static final PrimitiveView DISABLED = new PrimitiveView("d", "ocf:pacemaker:Dummy", Role.STOPPED,
      List.of(), false, false, true, false, true, false, null, null, null);

  @Test
  void fullOutputHasFourSectionsEachEndedByABlankLineButTheLast() {
    StatusView before = new StatusView(List.of(NodeView.online("n1")),
        List.of(PrimitiveView.of("r", "ocf:pacemaker:Dummy", Role.STOPPED, List.of()), DISABLED), false);
    StatusView after = new StatusView(List.of(NodeView.online("n1")),
        List.of(PrimitiveView.of("r", "ocf:pacemaker:Dummy", Role.STARTED, List.of("n1")), DISABLED), false);
    String text = SimulationReport.render(Optional.of(Instant.ofEpochSecond(1493818404L)), before,
        List.of("* Start      r     ( n1 )"), List.of("* Resource action: r               start on n1"), after);
    assertThat(text).isEqualTo("""
        Using the original execution date of: 2017-05-03 13:33:24Z
        1 of 2 resource instances DISABLED and 0 BLOCKED from further action due to failure

        Current cluster status:
          * Node List:
            * Online: [ n1 ]

          * Full List of Resources:
            * r\t(ocf:pacemaker:Dummy):\t Stopped
            * d\t(ocf:pacemaker:Dummy):\t Stopped (disabled)

        Transition Summary:
          * Start      r     ( n1 )

        Executing Cluster Transition:
          * Resource action: r               start on n1
        Using the original execution date of: 2017-05-03 13:33:24Z

        Revised Cluster Status:
          * Node List:
            * Online: [ n1 ]

          * Full List of Resources:
            * r\t(ocf:pacemaker:Dummy):\t Started n1
            * d\t(ocf:pacemaker:Dummy):\t Stopped (disabled)
        """);
  }

  @Test
  void maintenanceModeBannerSitsBetweenBlankLinesBeforeTheCounts() {
    StatusView v = new StatusView(List.of(NodeView.online("n1")), List.of(), true);
    assertThat(SimulationReport.preamble(Optional.empty(), v)).isEqualTo("""

                      *** Resource management is DISABLED ***
          The cluster will not attempt to start, stop or recover services

        """);
  }

  @Test
  void crmMonHeaderCountsInstancesAndShowsTheDcWithQuorum() {
    StatusView v = new StatusView(List.of(NodeView.online("n1"), NodeView.offline("n2")), List.of(DISABLED), false);
    ClusterSummary s = new ClusterSummary("corosync", "n1", "2.1.5-a3f44794f94", false, "Mon Nov 23 00:10:00 2026",
        null, "crm_attribute", "n1");
    String text = CrmMonReport.render(s, Instant.parse("2026-11-03T00:36:45Z"), ZoneOffset.UTC, v,
        List.of(new FailedActionView("db", "monitor", 15000, "n1", 7, 0, null, 1_795_400_000L, 0)));
    assertThat(text).isEqualTo("""
        Cluster Summary:
          * Stack: corosync
          * Current DC: n1 (version 2.1.5-a3f44794f94) - partition WITHOUT quorum
          * Last updated: Tue Nov  3 00:36:45 2026
          * Last change:  Mon Nov 23 00:10:00 2026 via crm_attribute on n1
          * 2 nodes configured
          * 1 resource instance configured (1 DISABLED)

        Node List:
          * Online: [ n1 ]
          * OFFLINE: [ n2 ]

        Full List of Resources:
          * d\t(ocf:pacemaker:Dummy):\t Stopped (disabled)

        Failed Resource Actions:
          * db 15s-interval monitor on n1 returned 'not running' at Mon Nov 23 02:13:20 2026
        """);
  }

  @Test
  void failedProbeAndExecutionErrorsReadLikeCrmMon() {
    assertThat(CrmMonReport.failedAction(
        new FailedActionView("r", "monitor", 0, "n1", 5, 0, "agent missing", null, 0), ZoneOffset.UTC))
        .isEqualTo("r probe on n1 returned 'not installed' (agent missing)");
    assertThat(CrmMonReport.failedAction(new FailedActionView("r", "start", 0, "n1", 1, 2, null, null, 90_500),
        ZoneOffset.UTC)).isEqualTo("r start on n1 could not be executed (Timed Out) after 1m30.500s");
  }
}
