package org.vigil.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.edit.CibEdits;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.model.NodeState;
import org.vigil.cib.xml.CibXml;
import org.vigil.protocol.Scope;
import org.vigil.protocol.VigilClient;

/**
 * Three vigild processes on 127.0.0.1 (ports 7700-7702) running ocf:pacemaker:Dummy for real:
 * the DC places the services, and when the node holding the group is killed, the group starts
 * on another node, in order. What the CIB says runs is checked against the agents' own state.
 */
class TransitionScenarioTest {
  private static final Path DUMMY = Path.of("/usr/lib/ocf/resource.d/pacemaker/Dummy");
  private static final Duration SETTLE = Duration.ofSeconds(60);
  static final List<String> GROUP = List.of("vip", "fs", "db");

  @TempDir Path dir;

  static final String CONFIG = """
      <configuration>
        <crm_config><cluster_property_set id="cib-bootstrap-options">
          <nvpair id="o-stonith" name="stonith-enabled" value="false"/></cluster_property_set></crm_config>
        <resources>
          <group id="service">
            <primitive id="vip" class="ocf" provider="pacemaker" type="Dummy">
              <operations><op id="vip-mon" name="monitor" interval="5s"/></operations></primitive>
            <primitive id="fs" class="ocf" provider="pacemaker" type="Dummy">
              <operations><op id="fs-mon" name="monitor" interval="5s"/></operations></primitive>
            <primitive id="db" class="ocf" provider="pacemaker" type="Dummy">
              <operations><op id="db-mon" name="monitor" interval="5s"/></operations></primitive>
          </group>
        </resources>
        <rsc_defaults><meta_attributes id="rsc-options">
          <nvpair id="rsc-stick" name="resource-stickiness" value="100"/></meta_attributes></rsc_defaults>
      </configuration>""";

  /** The last one-time operation of {@code rsc} on a node, if any. */
  private static Optional<LrmRscOp> last(NodeState s, String rsc) {
    return s.lrmResources().stream().filter(r -> r.id().equals(rsc)).flatMap(r -> r.ops().stream())
        .filter(o -> o.id().equals(rsc + "_last_0")).findFirst();
  }

  /**
   * The member nodes where the CIB says {@code rsc} runs: last operation a successful start, or
   * a probe that found it (what a lost node's history says no longer counts).
   */
  static List<String> runningOn(Cib cib, String rsc) {
    List<String> out = new ArrayList<>();
    for (NodeState s : cib.status().nodeStates()) {
      if (!"true".equals(s.inCcm())) {
        continue;
      }
      last(s, rsc).filter(o -> o.rc() == 0 && o.status() == 0
          && (o.operation().equals("start") || o.operation().equals("monitor"))).ifPresent(o -> out.add(s.uname()));
    }
    return out;
  }

  /** Whether node K's Dummy agent holds state for {@code rsc} (what the agent itself answers to monitor). */
  static boolean agentRuns(VigildCluster c, int k, String rsc) {
    return Files.exists(c.dataDir(k).resolve("rsctmp").resolve("Dummy-" + rsc + ".state"));
  }

  /** The node all of the group runs on, once it runs on exactly one and its monitors report in. */
  static String groupNode(Cib cib) {
    List<String> where = runningOn(cib, "db");
    if (where.size() != 1) {
      return null;
    }
    for (String rsc : GROUP) {
      if (!runningOn(cib, rsc).equals(where)) {
        return null;
      }
    }
    return where.get(0);
  }

  static Cib cib(VigildCluster c, int k) {
    try {
      return c.cib(k);
    } catch (Exception e) {
      return null;
    }
  }

  /** Starts the three nodes, loads {@link #CONFIG} and waits until the group runs: the node it runs on. */
  private static String placeGroup(VigildCluster c) throws Exception {
    return startWith(c, CONFIG, "the group running", () -> {
      Cib cib = cib(c, 1);
      return cib == null ? null : groupNode(cib);
    });
  }

  /** Starts the three nodes, loads {@code config} through node 1 and waits for {@code placed}. */
  private static <T> T startWith(VigildCluster c, String config, String what, Supplier<T> placed) throws Exception {
    c.startAll();
    c.awaitMembers(List.of(1, 2, 3), SETTLE);
    try (VigilClient client = c.client(1)) {
      client.update(config);
    }
    return VigildCluster.await(what, SETTLE, placed);
  }

  @Test
  void startUpPlacesEverythingAndKillingTheGroupsNodeMovesTheGroupInOrder() throws Exception {
    assumeTrue(Files.isExecutable(DUMMY), "ocf:pacemaker:Dummy is not installed (pacemaker-resource-agents)");
    try (VigildCluster c = new VigildCluster(dir, 3, 7700)) {
      String first = placeGroup(c);
      int k = Integer.parseInt(first.substring("node".length()));
      for (int n = 1; n <= 3; n++) {
        for (String rsc : GROUP) {
          assertThat(agentRuns(c, n, rsc)).as(rsc + " on node" + n).isEqualTo(n == k);
        }
      }

      long killed = System.nanoTime();
      c.kill(k);
      int survivor = k == 1 ? 2 : 1;
      String second = VigildCluster.await("the group running elsewhere", SETTLE, () -> {
        Cib cib = cib(c, survivor);
        String node = cib == null ? null : groupNode(cib);
        return node != null && !node.equals(first) ? node : null;
      });
      long failoverMs = (System.nanoTime() - killed) / 1_000_000;
      System.out.println("group moved from " + first + " to " + second + " in " + failoverMs + " ms after kill -9");
      int m = Integer.parseInt(second.substring("node".length()));
      Cib cib = c.cib(survivor);
      NodeState state = cib.status().nodeState(second).orElseThrow();
      List<Integer> calls = new ArrayList<>();
      for (String rsc : GROUP) {
        assertThat(agentRuns(c, m, rsc)).as(rsc + " on " + second).isTrue();
        calls.add(last(state, rsc).orElseThrow().call());
      }
      assertThat(calls).as("vip, fs, db started in that order").isSorted();
      for (int n = 1; n <= 3; n++) {
        if (n != k && n != m) {
          for (String rsc : GROUP) {
            assertThat(agentRuns(c, n, rsc)).as(rsc + " on node" + n).isFalse();
          }
        }
      }
    }
  }

  /** Makes {@code rsc} fail on node K behind the cluster's back: its Dummy state is gone. */
  private static void breakIt(VigildCluster c, int k, String rsc) throws Exception {
    Files.deleteIfExists(c.dataDir(k).resolve("rsctmp").resolve("Dummy-" + rsc + ".state"));
  }

  private static Optional<String> failCount(Cib cib, String node, String name) {
    return cib.status().nodeState(node).flatMap(s -> s.transientAttribute(name));
  }

  @Test
  void monitorFailuresRestartTheResourceUntilMigrationThresholdMovesItAndCleanupForgetsThem() throws Exception {
    assumeTrue(Files.isExecutable(DUMMY), "ocf:pacemaker:Dummy is not installed (pacemaker-resource-agents)");
    String config = """
        <configuration>
          <crm_config><cluster_property_set id="cib-bootstrap-options">
            <nvpair id="o-stonith" name="stonith-enabled" value="false"/></cluster_property_set></crm_config>
          <resources><primitive id="solo" class="ocf" provider="pacemaker" type="Dummy">
            <meta_attributes id="solo-meta"><nvpair id="solo-mt" name="migration-threshold" value="3"/></meta_attributes>
            <operations><op id="solo-mon" name="monitor" interval="1s"/></operations></primitive></resources>
          <rsc_defaults><meta_attributes id="rsc-options">
            <nvpair id="rsc-stick" name="resource-stickiness" value="100"/></meta_attributes></rsc_defaults>
        </configuration>""";
    try (VigildCluster c = new VigildCluster(dir, 3, 7703)) {
      String first = startWith(c, config, "solo running", () -> {
        Cib cib = cib(c, 1);
        List<String> on = cib == null ? List.of() : runningOn(cib, "solo");
        return on.size() == 1 ? on.get(0) : null;
      });
      int k = Integer.parseInt(first.substring("node".length()));
      for (int failure = 1; failure <= 2; failure++) {
        breakIt(c, k, "solo");
        String expected = Integer.toString(failure);
        VigildCluster.await("failure " + failure + " recovered in place", SETTLE, () -> {
          Cib cib = cib(c, 1);
          return cib != null && failCount(cib, first, "fail-count-solo#monitor_1000").equals(Optional.of(expected))
              && runningOn(cib, "solo").equals(List.of(first)) && agentRuns(c, k, "solo") ? cib : null;
        });
      }
      breakIt(c, k, "solo");
      String moved = VigildCluster.await("solo moved after its third failure", SETTLE, () -> {
        Cib cib = cib(c, 1);
        List<String> on = cib == null ? List.of() : runningOn(cib, "solo");
        return on.size() == 1 && !on.get(0).equals(first) ? on.get(0) : null;
      });
      int m = Integer.parseInt(moved.substring("node".length()));
      assertThat(agentRuns(c, m, "solo")).isTrue();
      assertThat(agentRuns(c, k, "solo")).isFalse();

      assertThat(failCount(c.cib(1), first, "fail-count-solo#monitor_1000")).contains("3");
      // what crm resource cleanup does live: read, edit, replace guarded by the version read
      // (the DC may record a result in between: then read again)
      VigildCluster.await("cleanup committed", SETTLE, () -> {
        try (VigilClient client = c.client(2)) {
          Cib before = c.cib(2);
          client.replace(Scope.CIB, CibXml.write(CibEdits.cleanup(before, List.of("solo"),
              List.of("node1", "node2", "node3"))), Optional.of(before.version()));
          return true;
        } catch (VigilClient.RefusedException e) {
          return null;
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      Cib cleaned = VigildCluster.await("solo probed again after cleanup", SETTLE, () -> {
        Cib cib = cib(c, 1);
        return cib != null && failCount(cib, first, "fail-count-solo#monitor_1000").isEmpty()
            && runningOn(cib, "solo").equals(List.of(moved)) && cib.status().nodeState(first).orElseThrow()
            .lrmResources().stream().anyMatch(r -> r.id().equals("solo")) ? cib : null;
      });
      assertThat(runningOn(cleaned, "solo")).as("stickiness keeps it where it runs").containsExactly(moved);
    }
  }

  @Test
  void withStonithTheLostNodeIsFencedBeforeTheGroupStartsElsewhere() throws Exception {
    assumeTrue(Files.isExecutable(DUMMY), "ocf:pacemaker:Dummy is not installed (pacemaker-resource-agents)");
    Path agents = Path.of("src/test/resources/fence-agents").toAbsolutePath();
    String config = CONFIG.replace("name=\"stonith-enabled\" value=\"false\"", "name=\"stonith-enabled\" value=\"true\"")
        .replace("<resources>", "<resources><primitive id=\"fence-kill\" class=\"stonith\" type=\"fence_vigil\">"
            + "<instance_attributes id=\"fk\"><nvpair id=\"fk-p\" name=\"pidfile_pattern\" value=\"" + dir
            + "/%s/vigild.pid\"/></instance_attributes></primitive>");
    try (VigildCluster c = new VigildCluster(dir, 3, 7706).withJvmOptions("-Xmx128m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Dvigil.fence.agent.dirs=" + agents)) {
      String first = startWith(c, config, "the group running", () -> {
        Cib cib = cib(c, 1);
        return cib == null ? null : groupNode(cib);
      });
      int k = Integer.parseInt(first.substring("node".length()));
      c.kill(k);
      int survivor = k == 1 ? 2 : 1;
      String second = VigildCluster.await("the group running elsewhere", SETTLE, () -> {
        Cib cib = cib(c, survivor);
        String node = cib == null ? null : groupNode(cib);
        return node != null && !node.equals(first) ? node : null;
      });
      NodeState fenced = c.cib(survivor).status().nodeState(first).orElseThrow();
      assertThat(fenced.expected()).as("recorded as fenced: known down").isEqualTo("down");
      assertThat(fenced.lrmResources()).as("nothing runs on a fenced node").isEmpty();
      String dcLog = c.logText(1) + c.logText(2) + c.logText(3);
      assertThat(dcLog).contains("Node " + first + " fenced (reboot) by device fence-kill");
      assertThat(agentRuns(c, Integer.parseInt(second.substring("node".length())), "db")).isTrue();
    }
  }

  private static String standby(int k, String value) {
    return "<configuration><nodes><node id=\"" + k + "\" uname=\"node" + k + "\"><instance_attributes id=\"nodes-" + k
        + "\"><nvpair id=\"nodes-" + k + "-standby\" name=\"standby\" value=\"" + value
        + "\"/></instance_attributes></node></nodes></configuration>";
  }

  @Test
  void standbyDrainsANodeAndOnlineLetsItBackWithoutMovingTheGroupBack() throws Exception {
    assumeTrue(Files.isExecutable(DUMMY), "ocf:pacemaker:Dummy is not installed (pacemaker-resource-agents)");
    try (VigildCluster c = new VigildCluster(dir, 3, 7709)) {
      String first = placeGroup(c);
      int k = Integer.parseInt(first.substring("node".length()));
      try (VigilClient client = c.client(1)) {
        client.update(standby(k, "on"));
      }
      String second = VigildCluster.await("the group drained off " + first, SETTLE, () -> {
        Cib cib = cib(c, 1);
        String node = cib == null ? null : groupNode(cib);
        return node != null && !node.equals(first) ? node : null;
      });
      for (String rsc : GROUP) {
        assertThat(agentRuns(c, k, rsc)).as(rsc + " stopped on " + first).isFalse();
      }
      try (VigilClient client = c.client(1)) {
        client.update(standby(k, "off"));
      }
      VigildCluster.await(first + " back online", SETTLE, () -> {
        Cib cib = cib(c, 1);
        return cib != null && cib.configuration().findNode(first).orElseThrow()
            .instanceAttributes().stream().anyMatch(set -> set.get("standby").equals(Optional.of("off")))
            && second.equals(groupNode(cib)) ? cib : null;
      });
      Thread.sleep(2000); // a transition that would move it back has had time to run
      assertThat(groupNode(c.cib(1))).as("stickiness keeps the group where it runs").isEqualTo(second);
      for (String rsc : GROUP) {
        assertThat(agentRuns(c, k, rsc)).isFalse();
      }
    }
  }

  @Test
  void aNodeStoppedCleanlyHasTheDcMoveItsGroupAwayBeforeItLeaves() throws Exception {
    assumeTrue(Files.isExecutable(DUMMY), "ocf:pacemaker:Dummy is not installed (pacemaker-resource-agents)");
    try (VigildCluster c = new VigildCluster(dir, 3, 7715)) {
      String first = placeGroup(c);
      int k = Integer.parseInt(first.substring("node".length()));
      c.stop(k);
      assertThat(c.logText(k)).as("the leaving node's log").contains("asked the DC to move")
          .contains("the DC stopped everything here; leaving").doesNotContain("as vigild leaves");
      int survivor = k == 1 ? 2 : 1;
      String second = VigildCluster.await("the group running elsewhere", SETTLE, () -> {
        Cib cib = cib(c, survivor);
        String node = cib == null ? null : groupNode(cib);
        return node != null && !node.equals(first) ? node : null;
      });
      String logs = c.logText(1) + c.logText(2) + c.logText(3);
      assertThat(logs).as("the DC confirmed the shutdown").contains("Node " + first + " may now shut down");
      // the group moves while the node is still a member; its leave reaches the CIB just after
      NodeState left = VigildCluster.await("the clean leave recorded", SETTLE, () -> {
        Cib cib = cib(c, survivor);
        NodeState ns = cib == null ? null : cib.status().nodeState(first).orElse(null);
        return ns != null && "down".equals(ns.expected()) ? ns : null;
      });
      assertThat(left.expected()).as("a clean leave").isEqualTo("down");
      for (String rsc : GROUP) {
        assertThat(agentRuns(c, k, rsc)).as(rsc + " stopped on " + first).isFalse();
        assertThat(agentRuns(c, Integer.parseInt(second.substring("node".length())), rsc)).isTrue();
      }
    }
  }

  /** The member node where the CIB says the anonymous promotable clone {@code rsc} is promoted. */
  private static String promotedOn(Cib cib, String rsc) {
    List<String> out = new ArrayList<>();
    for (NodeState s : cib.status().nodeStates()) {
      if ("true".equals(s.inCcm())) {
        last(s, rsc).filter(o -> o.status() == 0 && (o.operation().equals("promote") && o.rc() == 0
            || o.operation().equals("monitor") && o.rc() == 8)).ifPresent(o -> out.add(s.uname()));
      }
    }
    return out.size() == 1 ? out.get(0) : null;
  }

  @Test
  void aPromotableCloneGetsAPromotedAndANewOneWhenItsNodeIsKilled() throws Exception {
    Path stateful = Path.of("/usr/lib/ocf/resource.d/pacemaker/Stateful");
    assumeTrue(Files.isExecutable(stateful), "ocf:pacemaker:Stateful is not installed (pacemaker-resource-agents)");
    String config = """
        <configuration>
          <crm_config><cluster_property_set id="cib-bootstrap-options">
            <nvpair id="o-stonith" name="stonith-enabled" value="false"/></cluster_property_set></crm_config>
          <resources><clone id="st-clone"><meta_attributes id="stc-m">
              <nvpair id="stc-p" name="promotable" value="true"/><nvpair id="stc-pm" name="promoted-max" value="1"/>
            </meta_attributes>
            <primitive id="st" class="ocf" provider="pacemaker" type="Stateful"><operations>
              <op id="st-mon-p" name="monitor" interval="3s" role="Promoted"/>
              <op id="st-mon-u" name="monitor" interval="4s" role="Unpromoted"/></operations></primitive></clone>
          </resources>
        </configuration>""";
    try (VigildCluster c = new VigildCluster(dir, 3, 7712)) {
      String first = startWith(c, config, "a promoted instance", () -> {
        Cib cib = cib(c, 1);
        return cib == null ? null : promotedOn(cib, "st");
      });
      int k = Integer.parseInt(first.substring("node".length()));
      assertThat(c.cib(1).status().nodeState(first).flatMap(s -> s.transientAttribute("master-st")))
          .as("the agent's promotion score, set through crm_attribute").isPresent();
      c.kill(k);
      int survivor = k == 1 ? 2 : 1;
      String second = VigildCluster.await("a new promoted instance", SETTLE, () -> {
        Cib cib = cib(c, survivor);
        String node = cib == null ? null : promotedOn(cib, "st");
        return node != null && !node.equals(first) ? node : null;
      });
      Path agentState = c.dataDir(Integer.parseInt(second.substring("node".length()))).resolve("rsctmp")
          .resolve("Stateful-st.state");
      assertThat(Files.readString(agentState).strip()).as("the agent itself says so").isEqualTo("Promoted");
    }
  }
}
