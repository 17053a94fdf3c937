package org.vigil.crmsh.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.crmsh.CrmProcess;

class StatusCommandTest {
  @TempDir Path dir;

  private static final String CIB = """
      <cib validate-with="pacemaker-3.7" epoch="5" num_updates="2" admin_epoch="0" have-quorum="1" dc-uuid="1"
           cib-last-written="Mon Nov 23 00:10:00 2026" update-client="crm_attribute" update-origin="node1">
        <configuration>
          <crm_config><cluster_property_set id="o">
            <nvpair id="o-s" name="stonith-enabled" value="false"/>
            <nvpair id="o-v" name="dc-version" value="2.1.5-a3f44794f94"/>
            <nvpair id="o-i" name="cluster-infrastructure" value="corosync"/>
          </cluster_property_set></crm_config>
          <nodes>
            <node id="1" uname="node1"/><node id="2" uname="node2"/>
            <node id="3" uname="node3"><instance_attributes id="n3"><nvpair id="n3-s" name="standby" value="on"/></instance_attributes></node>
          </nodes>
          <resources>
            <group id="g_web">
              <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2"/>
              <primitive id="db" class="lsb" type="postgresql"/>
            </group>
            <clone id="cl_ping"><primitive id="ping" class="ocf" provider="pacemaker" type="ping"/></clone>
            <primitive id="off" class="ocf" provider="pacemaker" type="Dummy">
              <meta_attributes id="off-m"><nvpair id="off-t" name="target-role" value="Stopped"/></meta_attributes>
            </primitive>
          </resources>
          <constraints/>
        </configuration>
        <status>
          <node_state id="1" uname="node1" in_ccm="true" crmd="online" join="member" expected="member">
            <lrm id="1"><lrm_resources>
              <lrm_resource id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
                <lrm_rsc_op id="vip_last_0" operation_key="vip_start_0" operation="start" interval="0" call-id="2"
                  rc-code="0" op-status="0" transition-key="1:1:0:x" transition-magic="0:0;1:1:0:x" last-rc-change="1795390000"/>
              </lrm_resource>
              <lrm_resource id="db" class="lsb" type="postgresql">
                <lrm_rsc_op id="db_last_0" operation_key="db_start_0" operation="start" interval="0" call-id="3"
                  rc-code="0" op-status="0" transition-key="2:1:0:x" transition-magic="0:0;2:1:0:x" last-rc-change="1795390000"/>
                <lrm_rsc_op id="db_last_failure_0" operation_key="db_monitor_15000" operation="monitor" interval="15000"
                  call-id="4" rc-code="7" op-status="0" transition-key="3:1:0:x" transition-magic="0:7;3:1:0:x" last-rc-change="1795390100"/>
              </lrm_resource>
              <lrm_resource id="ping" class="ocf" provider="pacemaker" type="ping">
                <lrm_rsc_op id="ping_last_0" operation_key="ping_start_0" operation="start" interval="0" call-id="5"
                  rc-code="0" op-status="0" transition-key="4:1:0:x" transition-magic="0:0;4:1:0:x" last-rc-change="1795390000"/>
              </lrm_resource>
            </lrm_resources></lrm>
          </node_state>
          <node_state id="2" uname="node2" in_ccm="true" crmd="online" join="member" expected="member"/>
          <node_state id="3" uname="node3" in_ccm="true" crmd="online" join="member" expected="member"/>
        </status>
      </cib>
      """;

  @Test
  void statusOnACibFileShowsTheCrmMonLayout() throws Exception {
    Path f = dir.resolve("cib.xml");
    Files.writeString(f, CIB);
    CrmProcess.Result r = CrmProcess.run(Map.of("CIB_file", f.toString(), "TZ", "UTC"), null, "status");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout().replaceFirst("Last updated: [^\n]*", "Last updated: NOW")).isEqualTo("""
        Cluster Summary:
          * Stack: corosync
          * Current DC: node1 (version 2.1.5-a3f44794f94) - partition with quorum
          * Last updated: NOW
          * Last change:  Mon Nov 23 00:10:00 2026 via crm_attribute on node1
          * 3 nodes configured
          * 6 resource instances configured (1 DISABLED)

        Node List:
          * Node node3: standby
          * Online: [ node1 node2 ]

        Full List of Resources:
          * Resource Group: g_web:
            * vip\t(ocf:heartbeat:IPaddr2):\t Started node1
            * db\t(lsb:postgresql):\t FAILED node1
          * Clone Set: cl_ping [ping]:
            * Started: [ node1 ]
            * Stopped: [ node2 node3 ]
          * off\t(ocf:pacemaker:Dummy):\t Stopped (disabled)

        Failed Resource Actions:
          * db 15s-interval monitor on node1 returned 'not running' at Sun Nov 22 23:28:20 2026
        """);
  }

  @Test
  void statusAgreesWithPacemakersCrmMonOnTheSameFile() throws Exception {
    Path crmMon = Path.of("/usr/sbin/crm_mon");
    assumeTrue(Files.isExecutable(crmMon), "crm_mon (pacemaker-cli-utils) is not installed");
    Path f = dir.resolve("cib.xml");
    Files.writeString(f, CIB);
    ProcessBuilder pb = new ProcessBuilder(crmMon.toString(), "-1", "-r");
    pb.environment().put("CIB_file", f.toString());
    pb.environment().put("TZ", "UTC");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    CrmProcess.Result r = CrmProcess.run(Map.of("CIB_file", f.toString(), "TZ", "UTC"), null, "status");
    String lastUpdated = "Last updated: [^\n]*";
    assertThat(r.stdout().replaceFirst(lastUpdated, "")).isEqualTo(expected.replaceFirst(lastUpdated, ""));
  }

  @Test
  void withoutCibFileAndWithoutADaemonItIsOneClearError() throws Exception {
    CrmProcess.Result r = CrmProcess.run(Map.of("VIGIL_SOCKET", dir.resolve("none.sock").toString()), null, "status");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).startsWith("ERROR: ").contains("none.sock");
  }
}
