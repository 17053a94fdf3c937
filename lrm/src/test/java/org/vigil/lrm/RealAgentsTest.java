package org.vigil.lrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The agents of Debian's resource-agents and pacemaker-resource-agents, run for real.
 * Skipped (with a message) where they are not installed.
 */
@Tag("agents")
class RealAgentsTest {
  private static final Path OCF = ExecutorConfig.DEFAULT_OCF_ROOT.resolve("resource.d");
  private static final Duration T = Duration.ofSeconds(20);

  private TestAgents scratch;
  private Executor executor;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(Files.isExecutable(OCF.resolve("heartbeat/Dummy")) && Files.isExecutable(OCF.resolve("pacemaker/Stateful")),
        "resource-agents and pacemaker-resource-agents are not installed (apt-get install -y resource-agents "
            + "pacemaker-resource-agents)");
    scratch = new TestAgents();
    executor = new Executor(ExecutorConfig.defaults("n1", scratch.stateDir));
  }

  @AfterEach
  void tearDown() {
    if (executor != null) {
      executor.close();
      scratch.close();
    }
  }

  private OperationResult run(String rsc, AgentSpec agent, String action, Map<String, String> params) {
    return executor.execute(OperationRequest.of(rsc, agent, action, T, params)).join();
  }

  private List<Integer> lifecycle(String rsc, AgentSpec agent, Map<String, String> params) {
    List<Integer> rcs = new ArrayList<>();
    for (String action : List.of("monitor", "start", "monitor", "stop", "monitor")) {
      OperationResult r = run(rsc, agent, action, params);
      assertThat(r.status()).as("%s %s", agent, action).isEqualTo(ExecStatus.DONE);
      rcs.add(r.rc());
    }
    return rcs;
  }

  @Test
  void heartbeatDummyStartsMonitorsAndStopsWithItsStateInTheNodesStateDir() {
    AgentSpec dummy = AgentSpec.parse("ocf:heartbeat:Dummy");
    assertThat(lifecycle("hb1", dummy, Map.of())).containsExactly(7, 0, 0, 0, 7);
    // its default state file lives in HA_RSCTMP, which is this node's state directory
    run("hb1", dummy, "start", Map.of());
    assertThat(scratch.stateDir.resolve("Dummy-hb1.state")).exists();
    run("hb1", dummy, "stop", Map.of());
  }

  @Test
  void twoNodesOnOneMachineKeepTheirAgentStateApart() throws Exception {
    try (TestAgents other = new TestAgents();
        Executor node2 = new Executor(ExecutorConfig.defaults("n2", other.stateDir))) {
      AgentSpec dummy = AgentSpec.parse("ocf:heartbeat:Dummy");
      assertThat(run("shared", dummy, "start", Map.of()).rc()).isZero();
      OperationResult onNode2 = node2.execute(OperationRequest.of("shared", dummy, "monitor", T, Map.of())).join();
      assertThat(onNode2.rc()).as("n2 does not see n1's instance").isEqualTo(7);
      run("shared", dummy, "stop", Map.of());
    }
  }

  @Test
  void pacemakerDummyStartsMonitorsAndStops() {
    Map<String, String> params = Map.of("state", scratch.root.resolve("pm1.state").toString());
    assertThat(lifecycle("pm1", AgentSpec.parse("ocf:pacemaker:Dummy"), params)).containsExactly(7, 0, 0, 0, 7);
  }

  /**
   * Stateful reports its promotion score by running {@code $HA_SBIN_DIR/crm_attribute
   * --promotion -v SCORE}. Pacemaker's own crm_attribute needs a running attribute daemon,
   * which this machine does not have, so the test points HA_SBIN_DIR at a crm_attribute
   * that records its arguments: what a Vigil node provides to collect the score.
   */
  @Test
  void statefulPromotesDemotesAndReportsItsPromotionScore() throws Exception {
    Path sbin = scratch.root.resolve("sbin");
    Files.createDirectories(sbin);
    Path calls = scratch.root.resolve("crm_attribute.calls");
    TestAgents.write(sbin.resolve("crm_attribute"),
        "#!/bin/sh\necho \"$OCF_RESOURCE_INSTANCE $OCF_RESKEY_CRM_meta_on_node $*\" >> " + calls + "\n", true);
    executor.close();
    executor = new Executor(ExecutorConfig.defaults("n1", scratch.stateDir)
        .withExtraEnvironment(Map.of("HA_SBIN_DIR", sbin.toString())));
    AgentSpec stateful = AgentSpec.parse("ocf:pacemaker:Stateful");
    Map<String, String> params = Map.of("state", scratch.root.resolve("s1.state").toString());

    List<Integer> rcs = new ArrayList<>();
    for (String action : List.of("start", "monitor", "promote", "monitor", "demote", "monitor", "stop", "monitor")) {
      OperationResult r = run("s1", stateful, action, params);
      assertThat(r.status()).as(action).isEqualTo(ExecStatus.DONE);
      rcs.add(r.rc());
    }
    // promoted is rc 8; stopped is 7
    assertThat(rcs).containsExactly(0, 0, 0, 8, 0, 0, 0, 7);
    // a probe (monitor without interval) restores the score of the role it finds
    assertThat(Files.readAllLines(calls)).containsExactly(
        "s1 n1 --promotion -v 5", // start: the unpromoted score
        "s1 n1 --promotion -v 5", // probe, unpromoted
        "s1 n1 --promotion -v 10", // promote
        "s1 n1 --promotion -v 10", // probe, promoted
        "s1 n1 --promotion -v 5", // demote
        "s1 n1 --promotion -v 5", // probe, unpromoted
        "s1 n1 --promotion -D"); // stop: no score; the last probe finds it stopped and sets none
  }

  @Test
  void statefulWithoutAnAttributeDaemonStillAnswersAndSaysWhyTheScoreWasNotSet() {
    // the real crm_attribute: no pacemaker-attrd here, so it fails; the agent's rc is unaffected
    AgentSpec stateful = AgentSpec.parse("ocf:pacemaker:Stateful");
    Map<String, String> params = Map.of("state", scratch.root.resolve("s2.state").toString());
    OperationResult start = run("s2", stateful, "start", params);
    assertThat(start.rc()).isZero();
    assertThat(start.stderr()).contains("crm_attribute");
    assertThat(run("s2", stateful, "stop", params).rc()).isZero();
  }

  @Test
  void everyInstalledHeartbeatAgentsMetadataParses() throws Exception {
    List<String> names = executor.catalog().agents(AgentClass.OCF, "heartbeat");
    assertThat(names).hasSizeGreaterThan(50).contains("Dummy", "IPaddr2", "Filesystem");
    List<String> failures = new ArrayList<>();
    for (String name : names) {
      try {
        AgentMetadata md = executor.metadata(AgentSpec.ocf("heartbeat", name));
        if (md.shortdesc().isEmpty() && md.parameters().isEmpty()) {
          failures.add(name + ": empty meta-data");
        }
      } catch (MetadataException e) {
        failures.add(e.getMessage());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void ipaddr2MetadataHasItsParametersAndActions() throws Exception {
    AgentMetadata md = executor.metadata(AgentSpec.parse("ocf:heartbeat:IPaddr2"));
    AgentParameter ip = md.parameter("ip").orElseThrow();
    assertThat(ip.required()).isTrue();
    assertThat(ip.unique()).isTrue();
    assertThat(ip.shortdesc()).isEqualTo("IPv4 or IPv6 address");
    assertThat(md.parameter("arp_count").orElseThrow().defaultValue()).isEqualTo("5");
    assertThat(md.parameter("arp_count").orElseThrow().type()).isEqualTo("integer");
    assertThat(md.action("monitor").orElseThrow().interval()).contains(Duration.ofSeconds(10));
    assertThat(md.action("start").orElseThrow().timeout()).contains(Duration.ofSeconds(20));
    assertThat(executor.metadata(AgentSpec.parse("ocf:heartbeat:IPaddr2"))).isSameAs(md);
  }

  @Test
  void digestsSeparateReloadableFromRestartParametersForStateful() {
    AgentSpec stateful = AgentSpec.parse("ocf:pacemaker:Stateful");
    Map<String, String> a = Map.of("state", scratch.root.resolve("d.state").toString(), "notify_delay", "1");
    Map<String, String> b = Map.of("state", scratch.root.resolve("d.state").toString(), "notify_delay", "2");
    OpDigests da = run("d", stateful, "monitor", a).digests();
    OpDigests db = run("d", stateful, "monitor", b).digests();
    assertThat(da.forceRestart()).containsExactly("state");
    assertThat(da.opDigest()).isNotEqualTo(db.opDigest());
    assertThat(da.restartDigest()).isNotNull().isEqualTo(db.restartDigest());
  }
}
