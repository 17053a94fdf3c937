package org.vigil.lrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agents that hang, flood, crash or are broken get a clear result, and the executor keeps working. */
class MisbehavingAgentsTest {
  private TestAgents agents;
  private Executor executor;
  private AgentSpec good;

  @BeforeEach
  void setUp() throws Exception {
    agents = new TestAgents();
    executor = new Executor(agents.config("n1").withOutputCap(64 * 1024));
    good = agents.ocf("Good", "echo \"ran $1\"; exit 0");
  }

  @AfterEach
  void tearDown() {
    executor.close();
    agents.close();
  }

  private OperationResult run(AgentSpec agent, String action, Duration timeout) {
    return executor.execute(TestAgents.op("r1", agent, action, timeout)).join();
  }

  /** The executor still runs a well-behaved agent. */
  private void stillWorks() {
    OperationResult r = run(good, "start", Duration.ofSeconds(10));
    assertThat(r.status()).isEqualTo(ExecStatus.DONE);
    assertThat(r.rc()).isZero();
    assertThat(r.stdout()).isEqualTo("ran start\n");
  }

  @Test
  void hangingAgentIsKilledWithItsChildrenAndReportedAsTimedOut() throws Exception {
    Path childPid = agents.root.resolve("child.pid");
    AgentSpec hang = agents.ocf("Hang", "sleep 300 & echo $! > " + childPid + "\n"
        + "trap '' TERM\n" // the agent ignores SIGTERM: only SIGKILL ends it
        + "while :; do sleep 1; done");
    OperationResult r = run(hang, "start", Duration.ofMillis(800));

    assertThat(r.status()).isEqualTo(ExecStatus.TIMED_OUT);
    assertThat(r.rc()).isEqualTo(1);
    assertThat(r.execTime()).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    assertThat(r.exitReason()).contains("timed out after").contains("timeout 800ms");
    long child = Long.parseLong(Files.readString(childPid).strip());
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false))
        .as("the agent's background child (pid %d) was killed with its process group", child).isFalse();
    stillWorks();
  }

  @Test
  void megabytesOfOutputAreCappedAndDoNotBlock() throws Exception {
    AgentSpec chatty = agents.ocf("Chatty", "head -c 8000000 /dev/zero | tr '\\000' x; "
        + "head -c 3000000 /dev/zero | tr '\\000' y >&2; exit 0");
    OperationResult r = run(chatty, "start", Duration.ofSeconds(30));

    assertThat(r.status()).isEqualTo(ExecStatus.DONE);
    assertThat(r.rc()).isZero();
    assertThat(r.stdout()).hasSize(64 * 1024);
    assertThat(r.stdout().chars().allMatch(c -> c == 'x')).isTrue();
    assertThat(r.stderr()).hasSize(64 * 1024);
    assertThat(r.stderr().chars().allMatch(c -> c == 'y')).isTrue();
    assertThat(r.outputTruncated()).isTrue();
    stillWorks();
  }

  @Test
  void aChildThatKeepsTheOutputOpenDoesNotHoldUpTheResult() throws Exception {
    // a daemon started without closing stdout: the agent is done long before the pipe closes
    AgentSpec leaky = agents.ocf("Leaky", "[ \"$1\" = meta-data ] && exit 3; echo started; sleep 30 & exit 0");
    long t0 = System.nanoTime();
    OperationResult r = run(leaky, "start", Duration.ofSeconds(20));

    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    assertThat(r.status()).isEqualTo(ExecStatus.DONE);
    assertThat(r.stdout()).isEqualTo("started\n");
    stillWorks();
  }

  @Test
  void exitCodeOutsideTheOcfRangeIsAGenericError() throws Exception {
    AgentSpec odd = agents.ocf("Odd", "exit 42");
    OperationResult r = run(odd, "monitor", Duration.ofSeconds(10));

    assertThat(r.status()).isEqualTo(ExecStatus.DONE);
    assertThat(r.rc()).isEqualTo(1);
    assertThat(r.exitCode()).isEqualTo(42);
    assertThat(r.exitReason()).isEqualTo("agent exited with 42, which is not an OCF exit code");
    assertThat(r.ocfCode().severity()).isEqualTo(OcfCode.Severity.SOFT);
    stillWorks();
  }

  @Test
  void agentKilledBySignalIsAnError() throws Exception {
    AgentSpec crash = agents.ocf("Crash", "kill -SEGV $$; sleep 5");
    OperationResult r = run(crash, "start", Duration.ofSeconds(10));

    assertThat(r.status()).isEqualTo(ExecStatus.ERROR);
    assertThat(r.rc()).isEqualTo(1);
    assertThat(r.exitReason()).isEqualTo("agent killed by signal 11 (SIGSEGV)");
    stillWorks();
  }

  @Test
  void degradedCodesAbove128AreAnswersNotSignals() throws Exception {
    AgentSpec degraded = agents.ocf("Degraded", "[ \"$1\" = meta-data ] && exit 3; exit 191");
    OperationResult r = run(degraded, "monitor", Duration.ofSeconds(10));

    assertThat(r.status()).isEqualTo(ExecStatus.DONE);
    assertThat(r.rc()).isEqualTo(191);
    assertThat(r.ocfCode()).isEqualTo(OcfCode.DEGRADED_PROMOTED);
    assertThat(r.exitReason()).isEmpty();
  }

  @Test
  void agentLeadsAProcessGroupOfItsOwn() throws Exception {
    // field 5 of /proc/PID/stat is the process group
    AgentSpec group = agents.ocf("Group", "[ \"$1\" = meta-data ] && exit 3; "
        + "echo $$ $(cut -d' ' -f5 /proc/$$/stat)");
    String[] pidAndGroup = run(group, "start", Duration.ofSeconds(10)).stdout().strip().split(" ");
    assertThat(pidAndGroup[1]).isEqualTo(pidAndGroup[0]);
    long ourGroup = Long.parseLong(java.nio.file.Files.readString(Path.of("/proc/self/stat")).split(" ")[4]);
    assertThat(Long.parseLong(pidAndGroup[1])).isNotEqualTo(ourGroup);
  }

  @Test
  void missingAgentIsNotInstalled() {
    OperationResult r = run(AgentSpec.ocf("test", "Nowhere"), "start", Duration.ofSeconds(10));

    assertThat(r.status()).isEqualTo(ExecStatus.NOT_INSTALLED);
    assertThat(r.rc()).isEqualTo(5);
    assertThat(r.exitReason()).isEqualTo("ocf:test:Nowhere is not installed on node n1");
    OperationResult missingProvider = run(AgentSpec.ocf("nosuchprovider", "Dummy"), "start", Duration.ofSeconds(10));
    assertThat(missingProvider.status()).isEqualTo(ExecStatus.NOT_INSTALLED);
    stillWorks();
  }

  @Test
  void notExecutableAgentIsAnErrorWithInsufficientPrivileges() throws Exception {
    AgentSpec plain = agents.ocf("Plain", "exit 0");
    TestAgents.write(agents.ocfRoot.resolve("resource.d/test/Plain"), "#!/bin/sh\nexit 0\n", false);
    OperationResult r = run(plain, "start", Duration.ofSeconds(10));

    assertThat(r.status()).isEqualTo(ExecStatus.ERROR);
    assertThat(r.rc()).isEqualTo(4);
    assertThat(r.exitReason()).endsWith("resource.d/test/Plain is not executable");
    stillWorks();
  }

  @Test
  void metadataThatIsNotXmlIsAClearError() throws Exception {
    AgentSpec garbage = agents.ocf("Garbage", "case $1 in meta-data) echo 'this is <not xml'; exit 0;; esac; exit 0");
    assertThatThrownBy(() -> executor.metadata(garbage))
        .isInstanceOf(MetadataException.class)
        .hasMessageStartingWith("meta-data of ocf:test:Garbage is not well-formed XML (line 1, column 1)");
    AgentSpec failing = agents.ocf("Failing", "echo 'no meta-data here' >&2; exit 3");
    assertThatThrownBy(() -> executor.metadata(failing))
        .isInstanceOf(MetadataException.class)
        .hasMessage("meta-data of ocf:test:Failing failed: Failing meta-data on n1: unimplemented feature (rc=3)"
            + " (stderr: no meta-data here)");
    assertThat(run(garbage, "start", Duration.ofSeconds(10)).digests().restartDigest()).isNull();
    stillWorks();
  }

  @Test
  void exitReasonLinesFromStderrReachTheResult() throws Exception {
    AgentSpec reasons = agents.ocf("Reasons", "echo \"${OCF_EXIT_REASON_PREFIX}first\" >&2; "
        + "echo \"${OCF_EXIT_REASON_PREFIX}Configuration file /etc/x.conf missing\" >&2; exit 6");
    OperationResult r = run(reasons, "start", Duration.ofSeconds(10));

    assertThat(r.rc()).isEqualTo(6);
    assertThat(r.ocfCode()).isEqualTo(OcfCode.ERR_CONFIGURED);
    assertThat(r.ocfCode().severity()).isEqualTo(OcfCode.Severity.FATAL);
    assertThat(r.exitReason()).isEqualTo("Configuration file /etc/x.conf missing");
  }

  @Test
  void recurringRequestsAreRefusedByExecuteAndOneShotsByStartRecurring() {
    OperationRequest mon = TestAgents.op("r1", good, "monitor", Duration.ofSeconds(5)).withInterval(Duration.ofSeconds(1));
    assertThatThrownBy(() -> executor.execute(mon)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> executor.startRecurring(mon.withInterval(Duration.ZERO), r -> { }))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void environmentCarriesTheOcfVariables() throws Exception {
    Path dump = agents.root.resolve("env");
    AgentSpec envAgent = agents.ocf("Env", "[ \"$1\" = monitor ] && env > " + dump);
    executor.execute(new OperationRequest("web:1", envAgent, "monitor", Duration.ZERO,
        Duration.ofSeconds(20), Map.of("ip", "10.0.0.1", "weird", "a b\"c"),
        Map.of("clone-max", "2", "notify_type", "pre"))).join();
    assertThat(Files.readAllLines(dump)).contains(
        "OCF_ROOT=" + agents.ocfRoot,
        "OCF_RA_VERSION_MAJOR=1",
        "OCF_RA_VERSION_MINOR=1",
        "OCF_RESOURCE_INSTANCE=web:1",
        "OCF_RESOURCE_TYPE=Env",
        "OCF_RESOURCE_PROVIDER=test",
        "OCF_RESKEY_ip=10.0.0.1",
        "OCF_RESKEY_weird=a b\"c",
        "OCF_RESKEY_CRM_meta_clone_max=2",
        "OCF_RESKEY_CRM_meta_notify_type=pre",
        "OCF_RESKEY_CRM_meta_timeout=20000",
        "OCF_RESKEY_CRM_meta_interval=0",
        "OCF_RESKEY_CRM_meta_on_node=n1",
        "HA_RSCTMP=" + agents.stateDir,
        "OCF_EXIT_REASON_PREFIX=ocf-exit-reason:");
  }
}
