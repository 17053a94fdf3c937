package org.vigil.crmsh.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.crmsh.CrmProcess;
import org.vigil.crmsh.CrmProcess.Result;

/** crm resource force-*: RSC's agent run here with its parameters from the CIB file. */
class ForceCommandsTest {
  @TempDir Path dir;
  private Path cib;
  private Path ocfRoot;

  @BeforeEach
  void writeCib() throws Exception {
    cib = dir.resolve("cib.xml");
    ocfRoot = dir.resolve("ocf");
    Files.createDirectories(ocfRoot.resolve("resource.d/test"));
    Files.writeString(cib, """
        <cib crm_feature_set="3.16.2" validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
          <configuration>
            <crm_config/>
            <nodes><node id="1" uname="n1"/></nodes>
            <resources>
              <primitive id="d1" class="ocf" provider="pacemaker" type="Dummy">
                <instance_attributes id="d1-ia"><nvpair id="d1-state" name="state" value="%1$s/d1.state"/></instance_attributes>
              </primitive>
              <primitive id="s1" class="ocf" provider="pacemaker" type="Stateful">
                <instance_attributes id="s1-ia"><nvpair id="s1-state" name="state" value="%1$s/s1.state"/></instance_attributes>
              </primitive>
              <primitive id="slow" class="ocf" provider="test" type="Slow">
                <operations><op id="slow-start" name="start" interval="0" timeout="1s"/></operations>
              </primitive>
              <primitive id="noisy" class="ocf" provider="test" type="Noisy">
                <instance_attributes id="noisy-ia"><nvpair id="noisy-msg" name="msg" value="hello"/></instance_attributes>
              </primitive>
              <primitive id="gone" class="ocf" provider="test" type="Gone"/>
              <group id="g"><primitive id="g1" class="ocf" provider="test" type="Noisy"/></group>
            </resources>
            <constraints/>
          </configuration>
          <status/>
        </cib>
        """.formatted(dir));
    agent("Slow", "sleep 30");
    agent("Noisy", "echo \"out $1 $OCF_RESKEY_msg\"; echo \"err $1\" >&2; echo \"ocf-exit-reason:it is broken\" >&2; exit 42");
  }

  private void agent(String name, String body) throws Exception {
    Path p = ocfRoot.resolve("resource.d/test").resolve(name);
    Files.writeString(p, "#!/bin/sh\n[ \"$1\" = meta-data ] && exit 3\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Result crm(String... args) throws Exception {
    return CrmProcess.run(Map.of("CIB_file", cib.toString(), "OCF_ROOT", ocfRoot.toString()), null, args);
  }

  private Result crmWithRealAgents(String... args) throws Exception {
    return CrmProcess.run(Map.of("CIB_file", cib.toString()), null, args);
  }

  @Tag("agents")
  @Test
  void dummyStartsChecksAndStopsWithItsConfiguredStateFile() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/lib/ocf/resource.d/pacemaker/Dummy")), "pacemaker-resource-agents missing");
    Result check = crmWithRealAgents("resource", "force-check", "d1");
    assertThat(check.exitCode()).isEqualTo(7);
    assertThat(check.stdout()).isEqualTo("Operation force-check for d1 (ocf:pacemaker:Dummy) returned 7 (not running)\n");
    assertThat(check.stderr()).isEqualTo("Error performing operation: Not running\n");

    Result start = crmWithRealAgents("resource", "force-start", "d1");
    assertThat(start.exitCode()).as(start.stderr()).isZero();
    assertThat(start.stdout()).isEqualTo("Operation force-start for d1 (ocf:pacemaker:Dummy) returned 0 (ok)\n");
    assertThat(dir.resolve("d1.state")).exists();
    assertThat(crmWithRealAgents("resource", "force-check", "d1").exitCode()).isZero();
    assertThat(crmWithRealAgents("resource", "force-stop", "d1").exitCode()).isZero();
    assertThat(dir.resolve("d1.state")).doesNotExist();
  }

  @Tag("agents")
  @Test
  void statefulPromotesAndDemotes() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/lib/ocf/resource.d/pacemaker/Stateful")), "pacemaker-resource-agents missing");
    assertThat(crmWithRealAgents("resource", "force-start", "s1").exitCode()).isZero();
    assertThat(crmWithRealAgents("resource", "force-promote", "s1").exitCode()).isZero();
    Result promoted = crmWithRealAgents("resource", "force-check", "s1");
    assertThat(promoted.exitCode()).isEqualTo(8);
    assertThat(promoted.stdout()).startsWith("Operation force-check for s1 (ocf:pacemaker:Stateful) returned 8 (promoted)\n");
    assertThat(promoted.stderr()).isEqualTo("Error performing operation: Promoted\n");
    assertThat(crmWithRealAgents("resource", "force-demote", "s1").exitCode()).isZero();
    assertThat(crmWithRealAgents("resource", "force-check", "s1").exitCode()).isZero();
    assertThat(crmWithRealAgents("resource", "force-stop", "s1").exitCode()).isZero();
  }

  @Test
  void agentOutputAndExitReasonArePrintedAndAnOddCodeIsAGenericError() throws Exception {
    Result r = crm("resource", "force-start", "noisy");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("Operation force-start for noisy (ocf:test:Noisy) returned 1 (error: it is broken)\n"
        + "out start hello\n\nerr start\nocf-exit-reason:it is broken\n\n");
    assertThat(r.stderr()).isEqualTo("Error performing operation: Error occurred\n");
  }

  @Test
  void aHangingAgentTimesOutAfterTheConfiguredOperationTimeout() throws Exception {
    long t0 = System.nanoTime();
    Result r = crm("resource", "force-start", "slow");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(20_000);
    assertThat(r.exitCode()).isEqualTo(124);
    assertThat(r.stderr()).startsWith("Operation force-start for slow (ocf:test:Slow) could not be executed "
        + "(Timed Out: timed out after ").contains("(timeout 1000ms)").endsWith("Error performing operation: Timeout occurred\n");
  }

  @Test
  void missingAgentUnknownResourceAndGroupAreClearErrors() throws Exception {
    Result gone = crm("resource", "force-check", "gone");
    assertThat(gone.exitCode()).isEqualTo(5);
    assertThat(gone.stderr()).startsWith("Operation force-check for gone (ocf:test:Gone) could not be executed "
        + "(Not installed: ocf:test:Gone is not installed on node ");
    Result unknown = crm("resource", "force-start", "nosuch");
    assertThat(unknown.exitCode()).isEqualTo(105);
    assertThat(unknown.stderr()).isEqualTo("ERROR: Resource 'nosuch' not found\n");
    Result group = crm("resource", "force-start", "g");
    assertThat(group.exitCode()).isEqualTo(2);
    assertThat(group.stderr()).isEqualTo("ERROR: g is not a primitive resource: name one of the primitives in it\n");
  }
}
