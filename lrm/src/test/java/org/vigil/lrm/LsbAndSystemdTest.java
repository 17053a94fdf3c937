package org.vigil.lrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An LSB init script written by the test, and the systemd class where systemd is not running. */
class LsbAndSystemdTest {
  private TestAgents agents;
  private Executor executor;
  private AgentSpec script;

  @BeforeEach
  void setUp() throws Exception {
    agents = new TestAgents();
    executor = new Executor(agents.config("n1"));
    Path pid = agents.root.resolve("svc.pid");
    script = agents.lsb("svc", """
        ### BEGIN INIT INFO
        # Provides:          svc
        # Short-Description: A test service
        # Description:       Sleeps in the background
        #                    until stopped.
        ### END INIT INFO
        PID=%s
        case "$1" in
          start) [ -e $PID ] && exit 0; sleep 300 >/dev/null 2>&1 & echo $! > $PID; exit 0 ;;
          stop) [ -e $PID ] && kill $(cat $PID); rm -f $PID; exit 0 ;;
          status) [ -e $PID ] && kill -0 $(cat $PID) 2>/dev/null && exit 0; [ -e $PID ] && exit 1; exit 3 ;;
          *) echo "Usage: $0 {start|stop|status}" >&2; exit 3 ;;
        esac
        """.formatted(pid));
  }

  @AfterEach
  void tearDown() {
    executor.execute(TestAgents.op("svc", script, "stop", Duration.ofSeconds(10))).join();
    executor.close();
    agents.close();
  }

  private OperationResult run(String action) {
    return executor.execute(TestAgents.op("svc", script, action, Duration.ofSeconds(10))).join();
  }

  @Test
  void lsbScriptStartsReportsStatusAsMonitorAndStops() {
    List<Integer> rcs = new ArrayList<>();
    for (String action : List.of("monitor", "start", "monitor", "status", "stop", "monitor")) {
      OperationResult r = run(action);
      assertThat(r.status()).as(action).isEqualTo(ExecStatus.DONE);
      rcs.add(r.rc());
    }
    // LSB status 3 (not running) is OCF 7
    assertThat(rcs).containsExactly(7, 0, 0, 0, 0, 7);
  }

  @Test
  void lsbScriptsCannotBePromoted() {
    OperationResult r = run("promote");
    assertThat(r.status()).isEqualTo(ExecStatus.NOT_SUPPORTED);
    assertThat(r.rc()).isEqualTo(3);
    assertThat(r.exitReason()).isEqualTo("LSB script svc has no promote action");
  }

  @Test
  void lsbMetadataComesFromTheInitInfoBlock() throws Exception {
    AgentMetadata md = executor.metadata(script);
    assertThat(md.shortdesc()).isEqualTo("A test service");
    assertThat(md.longdesc()).isEqualTo("Sleeps in the background\n" + " ".repeat(20) + "until stopped.");
    assertThat(md.action("monitor").orElseThrow().interval()).contains(Duration.ofSeconds(15));
    assertThat(executor.catalog().agents(AgentClass.LSB, null)).contains("svc");
  }

  @Test
  void lsbScriptWithoutHeaderIsDescribedByItsName() throws Exception {
    AgentSpec bare = agents.lsb("bare", "exit 0");
    AgentMetadata md = executor.metadata(bare);
    assertThat(md.shortdesc()).isEqualTo("bare");
    assertThat(md.longdesc()).isEqualTo("bare");
  }

  @Test
  void serviceClassRunsTheLsbScriptWithoutSystemd() {
    assumeFalse(executor.catalog().systemdRunning(), "systemd runs here");
    OperationResult r = executor.execute(TestAgents.op("svc", new AgentSpec(AgentClass.SERVICE, null, "svc"),
        "monitor", Duration.ofSeconds(10))).join();
    assertThat(r.status()).isEqualTo(ExecStatus.DONE);
    assertThat(r.rc()).isEqualTo(7);
  }

  @Test
  void systemdClassIsReportedUnavailableWhereSystemdDoesNotRun() {
    assumeFalse(executor.catalog().systemdRunning(), "systemd runs here");
    assertThat(executor.catalog().classes()).doesNotContain(AgentClass.SYSTEMD);
    OperationResult r = executor.execute(TestAgents.op("web", AgentSpec.parse("systemd:nginx"), "start",
        Duration.ofSeconds(10))).join();
    assertThat(r.status()).isEqualTo(ExecStatus.NOT_SUPPORTED);
    assertThat(r.exitReason()).isEqualTo("systemd is not running on this machine: cannot run systemd:nginx");
    assertThatThrownBy(() -> executor.catalog().agents(AgentClass.SYSTEMD, null))
        .hasMessageStartingWith("systemd is not running on this machine");
    assertThatThrownBy(() -> executor.metadata(AgentSpec.parse("systemd:nginx")))
        .hasMessage("systemd:nginx: systemd is not running on this machine");
  }
}
