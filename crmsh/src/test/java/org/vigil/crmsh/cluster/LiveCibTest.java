package org.vigil.crmsh.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.LrmResource;
import org.vigil.cib.model.LrmRscOp;
import org.vigil.cib.xml.CibXml;
import org.vigil.crmsh.CrmProcess;
import org.vigil.protocol.Request;
import org.vigil.protocol.Scope;

/** crm against a live node: the socket chosen by --socket / VIGIL_SOCKET, reads, guarded writes, errors. */
class LiveCibTest {
  @TempDir Path dir;

  private static final String PRIMITIVE = "<configuration><resources><primitive id=\"vip\" class=\"ocf\" "
      + "provider=\"heartbeat\" type=\"IPaddr2\"/></resources></configuration>";

  @Test
  void showAndLoadGoThroughTheSocketAndAWriteIsGuardedByTheVersionRead() throws Exception {
    Path socket = dir.resolve("vigild.sock");
    try (FakeVigild fake = new FakeVigild(socket, Cib.empty())) {
      Map<String, String> env = Map.of("VIGIL_SOCKET", socket.toString());
      Path update = dir.resolve("update.xml");
      Files.writeString(update, PRIMITIVE);

      CrmProcess.Result load = CrmProcess.run(env, null, "configure", "load", "xml", "update", update.toString());
      assertThat(load.exitCode()).as(load.stderr()).isZero();
      assertThat(fake.cib().configuration().findResource("vip")).isPresent();
      assertThat(fake.requests).filteredOn(r -> r instanceof Request.Replace).singleElement().satisfies(r -> {
        assertThat(((Request.Replace) r).scope()).as("only the configuration is sent").isEqualTo(Scope.CONFIGURATION);
        assertThat(((Request.Replace) r).expected()).contains(Cib.empty().version());
      });

      CrmProcess.Result show = CrmProcess.run(env, null, "configure", "show", "xml");
      assertThat(show.exitCode()).as(show.stderr()).isZero();
      assertThat(show.stdout()).contains("<primitive id=\"vip\"").contains("epoch=\"1\"");
    }
  }

  @Test
  void aConflictingWriteIsRefusedWithTheVersions() throws Exception {
    Path socket = dir.resolve("vigild.sock");
    try (FakeVigild fake = new FakeVigild(socket, Cib.empty())) {
      Path update = dir.resolve("update.xml");
      Files.writeString(update, PRIMITIVE);
      Cib before = fake.cib();
      // Another writer commits between crm's read and its write.
      Thread bumper = new Thread(() -> {
        try {
          while (fake.requests.stream().noneMatch(r -> r instanceof Request.Query)) {
            Thread.sleep(5);
          }
        } catch (InterruptedException e) {
          return;
        }
        fake.bumpBehindTheClientsBack();
      });
      bumper.start();
      CrmProcess.Result load = CrmProcess.run(Map.of("VIGIL_SOCKET", socket.toString()), null, "configure", "load",
          "xml", "update", update.toString());
      bumper.join();
      assertThat(load.exitCode()).isNotZero();
      assertThat(load.stderr()).contains("the configuration changed since it was read (version 0.0.0 is now 0.1.0)");
      assertThat(fake.cib().configuration()).isEqualTo(before.configuration());
    }
  }

  private static String history(boolean withVipMonitor) {
    return """
        <cib epoch="3" num_updates="0" admin_epoch="0">
          <configuration><crm_config/><nodes><node id="1" uname="node1"/></nodes><resources>
            <primitive id="vip" class="ocf" provider="pacemaker" type="Dummy"/>
            <primitive id="db" class="ocf" provider="pacemaker" type="Dummy"/></resources><constraints/></configuration>
          <status><node_state id="1" uname="node1" in_ccm="true" crmd="online" join="member" expected="member">
            <lrm id="1"><lrm_resources>
              <lrm_resource id="vip" class="ocf" provider="pacemaker" type="Dummy">
                <lrm_rsc_op id="vip_last_0" operation_key="vip_start_0" operation="start" interval="0" call-id="1"
                  rc-code="0" op-status="0" transition-key="1:1:0:x" transition-magic="0:0;1:1:0:x"/>%s
              </lrm_resource>
              <lrm_resource id="db" class="ocf" provider="pacemaker" type="Dummy">
                <lrm_rsc_op id="db_last_failure_0" operation_key="db_start_0" operation="start" interval="0" call-id="2"
                  rc-code="1" op-status="0" transition-key="2:1:0:x" transition-magic="0:1;2:1:0:x"/>
              </lrm_resource>
            </lrm_resources></lrm></node_state></status>
        </cib>""".formatted(withVipMonitor ? """
                <lrm_rsc_op id="vip_monitor_10000" operation_key="vip_monitor_10000" operation="monitor"
                  interval="10000" call-id="3" rc-code="0" op-status="0" transition-key="3:1:0:x"
                  transition-magic="0:0;3:1:0:x"/>""" : "");
  }

  @Test
  void aStatusEditRefusedBecauseTheClusterWroteMeanwhileIsRedoneOnTopOfWhatItWrote() throws Exception {
    Path socket = dir.resolve("vigild.sock");
    try (FakeVigild fake = new FakeVigild(socket, CibXml.parse(history(false), "test"))) {
      Cib withResult = CibXml.parse(history(true), "test");
      fake.afterNextQuery(c -> c.withStatus(withResult.status())); // vip's monitor result, recorded meanwhile
      CrmProcess.Result r = CrmProcess.run(Map.of("VIGIL_SOCKET", socket.toString()), null, "resource", "cleanup",
          "db");
      assertThat(r.exitCode()).as(r.stderr()).isZero();
      assertThat(fake.requests).filteredOn(q -> q instanceof Request.Replace rep && rep.scope() == Scope.CIB)
          .as("a whole-CIB replace guarded by the version read; the first one refused").hasSize(2);
      var lrm = fake.cib().status().nodeState("node1").orElseThrow().lrmResources();
      assertThat(lrm).extracting(LrmResource::id).as("db's history is gone").containsExactly("vip");
      assertThat(lrm.get(0).ops()).extracting(LrmRscOp::id).as("the result written meanwhile is kept")
          .contains("vip_monitor_10000");
    }
  }

  private static String targetRole(Cib cib, String rsc) {
    return cib.configuration().findResource(rsc).orElseThrow().metaAttributes().stream()
        .map(set -> set.get("target-role")).flatMap(java.util.Optional::stream).findFirst().orElse(null);
  }

  @Test
  void restartStartsAgainOnlyOnceTheStatusSaysStopped() throws Exception {
    Path socket = dir.resolve("vigild.sock");
    try (FakeVigild fake = new FakeVigild(socket, CibXml.parse(history(false), "test"))) {
      Cib stopped = CibXml.parse(history(false).replace("operation_key=\"vip_start_0\" operation=\"start\"",
          "operation_key=\"vip_stop_0\" operation=\"stop\""), "test");
      java.util.concurrent.atomic.AtomicReference<String> roleBeforeStop = new java.util.concurrent.atomic.AtomicReference<>();
      // the cluster: once told to stop, it takes a while, then records vip's stop
      Thread cluster = new Thread(() -> {
        try {
          while (!"Stopped".equals(targetRole(fake.cib(), "vip"))) {
            Thread.sleep(10);
          }
          Thread.sleep(600);
          roleBeforeStop.set(targetRole(fake.cib(), "vip"));
          fake.writeStatus(c -> c.withStatus(stopped.status()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      cluster.start();
      CrmProcess.Result r = CrmProcess.run(Map.of("VIGIL_SOCKET", socket.toString()), null, "resource", "restart",
          "vip");
      cluster.join(10_000);
      assertThat(r.exitCode()).as(r.stderr()).isZero();
      assertThat(r.stdout()).isEqualTo("INFO: ordering vip to stop\nINFO: ordering vip to start\n");
      assertThat(roleBeforeStop.get()).as("no start ordered while vip still ran").isEqualTo("Stopped");
      assertThat(targetRole(fake.cib(), "vip")).isEqualTo("Started");
    }
  }

  @Test
  void noRunningNodeGivesOneClearError() throws Exception {
    CrmProcess.Result r = CrmProcess.run(Map.of("VIGIL_SOCKET", dir.resolve("nobody.sock").toString()), null,
        "configure", "show", "xml");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("cannot connect to vigild at " + dir.resolve("nobody.sock"));
  }

  @Test
  void clusterStatusAndQuorumComeFromTheNode() throws Exception {
    Path socket = dir.resolve("vigild.sock");
    try (FakeVigild fake = new FakeVigild(socket, Cib.empty())) {
      Map<String, String> env = Map.of("VIGIL_SOCKET", socket.toString());
      CrmProcess.Result status = CrmProcess.run(env, null, "cluster", "status");
      assertThat(status.stdout()).contains("DC: node1, partition with quorum").contains("Online: [ node1 ]")
          .contains("OFFLINE: [ node2 ]");
      CrmProcess.Result quorum = CrmProcess.run(env, null, "cluster", "quorum");
      assertThat(quorum.exitCode()).isZero();
      assertThat(quorum.stdout()).startsWith("Quorum information");
    }
  }

  @Test
  void crmStatusTakesTheDcAndQuorumFromTheNodeAndTheLastChangeFromTheCib() throws Exception {
    Path socket = dir.resolve("vigild.sock");
    Cib cib = Cib.empty().withAttribute("cib-last-written", "Mon Nov 23 12:00:00 2026")
        .withAttribute("update-origin", "node2").withAttribute("update-client", "crm")
        .withAttribute("update-user", "root").withAttribute("have-quorum", "0");
    try (FakeVigild fake = new FakeVigild(socket, cib)) {
      CrmProcess.Result status = CrmProcess.run(Map.of("VIGIL_SOCKET", socket.toString()), null, "status");
      assertThat(status.exitCode()).as(status.stderr()).isZero();
      assertThat(status.stdout()).contains("Stack: vigil (JGroups)")
          .contains("Current DC: node1 (version Vigil 0.1.0) - partition with quorum")
          .contains("Last change:  Mon Nov 23 12:00:00 2026 by root via crm on node2");
    }
  }

  @Test
  void keygenWritesAPrivateKeyOnceAndRefusesToReplaceIt() throws Exception {
    Path key = dir.resolve("authkey");
    CrmProcess.Result r = CrmProcess.run(Map.of(), null, "cluster", "keygen", key.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(Files.size(key)).isEqualTo(256);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    byte[] first = Files.readAllBytes(key);
    CrmProcess.Result again = CrmProcess.run(Map.of(), null, "cluster", "keygen", key.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).contains("already exists");
    assertThat(Files.readAllBytes(key)).isEqualTo(first);
  }
}
