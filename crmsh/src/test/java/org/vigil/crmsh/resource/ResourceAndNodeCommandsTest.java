package org.vigil.crmsh.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.crmsh.CrmProcess;
import org.vigil.crmsh.CrmProcess.Result;

/** crm node / crm resource on a CIB file, as an operator types them. */
class ResourceAndNodeCommandsTest {
  @TempDir Path dir;

  private Map<String, String> env() throws Exception {
    Path f = dir.resolve("cib.xml");
    if (!Files.exists(f)) {
      Path demo = Path.of(System.getProperty("vigil.root", "..")).resolve("examples/demo-cib.xml");
      Files.copy(demo, f);
    }
    return Map.of("CIB_file", f.toString());
  }

  private Result crm(String... args) throws Exception {
    return CrmProcess.run(env(), null, args);
  }

  @Test
  void moveThenClearLeavesNoConstraintAndPrintsCrmshMessages() throws Exception {
    Result move = crm("resource", "move", "service", "node2");
    assertThat(move.exitCode()).as(move.stderr()).isZero();
    assertThat(move.stdout()).isEqualTo("INFO: Move constraint created for service to node2\n"
        + "INFO: Use `crm resource clear service` to remove this constraint\n");
    Cib moved = CibXml.read(dir.resolve("cib.xml"));
    assertThat(moved.configuration().constraints()).extracting(k -> k.id()).containsExactly("cli-prefer-service");
    assertThat(moved.version().epoch()).isEqualTo(2);
    assertThat(crm("resource", "clear", "service").exitCode()).isZero();
    assertThat(CibXml.read(dir.resolve("cib.xml")).configuration().constraints()).isEmpty();
  }

  @Test
  void stopAndStandbyWriteWhatPacemakerReads() throws Exception {
    assertThat(crm("resource", "stop", "db").exitCode()).isZero();
    assertThat(crm("node", "standby", "node1").exitCode()).isZero();
    Cib cib = CibXml.read(dir.resolve("cib.xml"));
    assertThat(cib.configuration().findResource("db").orElseThrow().metaAttributes().get(0).get("target-role")).contains("Stopped");
    assertThat(cib.configuration().findNode("node1").orElseThrow().instanceAttributes().get(0).get("standby")).contains("on");
    assertThat(crm("node", "online", "node1").exitCode()).isZero();
    assertThat(CibXml.read(dir.resolve("cib.xml")).configuration().findNode("node1").orElseThrow()
        .instanceAttributes().get(0).get("standby")).contains("off");
  }

  @Test
  void locateSaysWhereAsCrmResourceDoesAndRestartNeedsACluster() throws Exception {
    Path corpus = Path.of(System.getProperty("vigil.root", "..")).resolve("../shared/conformance/pacemaker-2.1.5/xml");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "no conformance corpus beside the project");
    Map<String, String> env = Map.of("CIB_file", corpus.resolve("promoted-demote.xml").toString());
    Result running = CrmProcess.run(env, null, "resource", "locate", "cyrus_address", "cyrus_drbd");
    assertThat(running.exitCode()).as(running.stderr()).isZero();
    assertThat(running.stdout()).isEqualTo("resource cyrus_address is running on: cxa1\n"
        + "resource cyrus_drbd is running on: cxa1 Promoted\nresource cyrus_drbd is running on: cxb1\n");
    Result stopped = CrmProcess.run(env, null, "resource", "locate", "cyrus_master");
    assertThat(stopped.exitCode()).isZero();
    assertThat(stopped.stderr()).isEqualTo("resource cyrus_master is NOT running\n");
    Result unknown = CrmProcess.run(env, null, "resource", "locate", "nosuch");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr()).isEqualTo("ERROR: resource nosuch does not exist\n");
    Result restart = crm("resource", "restart", "service");
    assertThat(restart.exitCode()).isEqualTo(2);
    assertThat(restart.stderr()).startsWith("ERROR: restart needs a running cluster");
    assertThat(Files.readAllBytes(dir.resolve("cib.xml"))).as("the CIB file is untouched").isEqualTo(
        Files.readAllBytes(Path.of(System.getProperty("vigil.root", "..")).resolve("examples/demo-cib.xml")));
  }

  @Test
  void failcountSetShowDelete() throws Exception {
    assertThat(crm("resource", "failcount", "db", "set", "node1", "3").exitCode()).isZero();
    assertThat(crm("resource", "failcount", "db", "show", "node1").stdout()).isEqualTo("scope=status  name=fail-count-db value=3\n");
    assertThat(crm("resource", "failcount", "db", "delete", "node1").exitCode()).isZero();
    assertThat(crm("resource", "failcount", "db", "show", "node1").stdout()).isEqualTo("scope=status  name=fail-count-db value=0\n");
  }

  @Test
  void unknownNamesAreOneErrorAndNothingIsWritten() throws Exception {
    env();
    byte[] before = Files.readAllBytes(dir.resolve("cib.xml"));
    Result r = crm("resource", "move", "nosuch", "node2");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).isEqualTo("ERROR: resource nosuch does not exist\n");
    Result n = crm("node", "standby", "node9");
    assertThat(n.exitCode()).isNotZero();
    assertThat(n.stderr()).contains("node node9 does not exist");
    Result noNode = crm("node", "standby");
    assertThat(noNode.exitCode()).isNotZero();
    assertThat(Files.readAllBytes(dir.resolve("cib.xml"))).isEqualTo(before);
  }
}
