package org.vigil.crmsh.configure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.Clone;
import org.vigil.cib.model.Group;
import org.vigil.cib.xml.CibXml;
import org.vigil.crmsh.CrmProcess;
import org.vigil.crmsh.CrmProcess.Result;

/** {@code crm configure} without a terminal: scripts on stdin, one-shot statements, {@code crm -f}. */
class ConfigureCommandLineTest {
  @TempDir Path dir;
  Path cib;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    cib = dir.resolve("cib.xml");
    Files.writeString(cib, CibXml.write(Cib.empty()));
    env = Map.of("CIB_file", cib.toString(), "HOME", dir.toString());
  }

  @Test
  void scriptOnStdinIsCommittedAndShownInCrmshSyntax() throws Exception {
    Result r = CrmProcess.run(env, """
        property stonith-enabled=false
        primitive d1 ocf:pacemaker:Dummy op monitor interval=10s
        primitive d2 ocf:pacemaker:Dummy
        order o1 Mandatory: d1 d2
        """, "configure");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Cib written = CibXml.read(cib);
    assertThat(written.version().epoch()).isEqualTo(1);
    assertThat(written.configuration().findResource("d1")).isPresent();
    Result show = CrmProcess.run(env, null, "configure", "show", "d1", "o1");
    assertThat(show.stdout()).isEqualTo("primitive d1 ocf:pacemaker:Dummy \\\n\top monitor interval=10s\n"
        + "order o1 Mandatory: d1 d2\n");
  }

  @Test
  void aFailingScriptCommitsNothingAndNamesTheLine() throws Exception {
    byte[] before = Files.readAllBytes(cib);
    Result r = CrmProcess.run(env, """
        primitive d1 ocf:pacemaker:Dummy
        colocation c1 inf: d1 nosuch
        primitive d2 ocf:pacemaker:Dummy
        """, "configure");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("ERROR: line 2, column 23: resource nosuch does not exist");
    assertThat(Files.readAllBytes(cib)).isEqualTo(before);
  }

  @Test
  void oneStatementOnTheCommandLineIsCommittedAtOnce() throws Exception {
    Result r = CrmProcess.run(env, null, "configure", "primitive", "vip", "ocf:heartbeat:IPaddr2", "params",
        "ip=10.0.0.8", "cidr_netmask=24", "op", "monitor", "interval=10s");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Result loc = CrmProcess.run(env, null, "configure", "location", "no-node2", "vip", "-inf:", "node2");
    assertThat(loc.exitCode()).as(loc.stderr()).isZero();
    assertThat(CrmProcess.run(env, null, "configure", "show", "no-node2").stdout())
        .isEqualTo("location no-node2 vip -inf: node2\n");
  }

  @Test
  void crmDashFRunsLevelsAndTopLevelCommands() throws Exception {
    Path script = dir.resolve("setup.crm");
    Files.writeString(script, """
        configure
          property stonith-enabled=false
          primitive d1 ocf:pacemaker:Dummy
          primitive d2 ocf:pacemaker:Dummy
          group g d1 d2
          commit
        end
        configure clone cl g
        resource stop cl
        """);
    Result r = CrmProcess.run(env, null, "-f", script.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Cib written = CibXml.read(cib);
    Clone clone = (Clone) written.configuration().findResource("cl").orElseThrow();
    assertThat(clone.child()).isInstanceOf(Group.class);
    assertThat(clone.metaAttributes().get(0).get("target-role")).contains("Stopped");
  }

  @Test
  void importHaresourcesPrintsAndCommitsTheConversion() throws Exception {
    Path haresources = dir.resolve("haresources");
    Files.writeString(haresources, "node1 IPaddr::10.0.0.8/24/eth0 drbddisk::data Filesystem::/dev/drbd0::/drbd::ext4 killnfs\n");
    Path hacf = dir.resolve("ha.cf");
    Files.writeString(hacf, "node node1\nnode node2\nauto_failback off\n");
    Result r = CrmProcess.run(env, "property stonith-enabled=false\n", "configure");
    assertThat(r.exitCode()).isZero();
    Result imp = CrmProcess.run(env, null, "configure", "import-haresources", haresources.toString(), hacf.toString());
    assertThat(imp.exitCode()).as(imp.stderr()).isZero();
    assertThat(imp.stdout()).contains(
        "primitive p_vip IPaddr2 params ip=10.0.0.8 cidr_netmask=24 nic=eth0 op monitor interval=10s",
        "clone ms_drbd_data p_drbd_data meta promotable=true",
        "group g_node1 p_vip p_fs_drbd p_killnfs",
        "location l_g_node1_pref g_node1 100: node1",
        "colocation c_g_node1_on_ms_drbd_data inf: g_node1 ms_drbd_data:Promoted",
        "order o_ms_drbd_data_before_g_node1 Mandatory: ms_drbd_data:promote g_node1:start",
        "rsc_defaults resource-stickiness=200");
    Cib written = CibXml.read(cib);
    assertThat(written.configuration().findResource("g_node1")).isPresent();
    assertThat(written.configuration().findNode("node2")).isPresent();
    assertThat(written.configuration().rscDefaults().get(0).get("resource-stickiness")).contains("200");
  }
}
