package org.vigil.controller.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;

class FencingTest {
  private static final Path AGENTS = Path.of("src/test/resources/fence-agents").toAbsolutePath();

  private static Cib cib(String pidfilePattern) throws Exception {
    return CibXml.parse("""
        <cib epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config>
          <cluster_property_set id="o"><nvpair id="o-t" name="stonith-timeout" value="20s"/></cluster_property_set>
          </crm_config><nodes/>
          <resources>
            <primitive id="ipmi-n1" class="stonith" type="fence_ipmilan">
              <instance_attributes id="i1"><nvpair id="i1-h" name="pcmk_host_list" value="n1"/>
                <nvpair id="i1-ip" name="ip" value="10.0.0.101"/></instance_attributes></primitive>
            <primitive id="pdu" class="stonith" type="fence_apc">
              <instance_attributes id="i2"><nvpair id="i2-m" name="pcmk_host_map" value="n1:4;n2:5"/>
                <nvpair id="i2-t" name="pcmk_off_timeout" value="90s"/></instance_attributes></primitive>
            <primitive id="off-dev" class="stonith" type="fence_apc">
              <meta_attributes id="m3"><nvpair id="m3-r" name="target-role" value="Stopped"/></meta_attributes></primitive>
            <primitive id="missing" class="stonith" type="fence_nowhere"/>
            <primitive id="kill" class="stonith" type="fence_vigil">
              <instance_attributes id="i4"><nvpair id="i4-p" name="pidfile_pattern" value="%s"/></instance_attributes></primitive>
            <primitive id="db" class="ocf" provider="pacemaker" type="Dummy"/>
          </resources><constraints/></configuration><status/></cib>
        """.formatted(pidfilePattern), "test");
  }

  @Test
  void devicesAreChosenByHostListAndMapInConfigurationOrder() throws Exception {
    FencePlan n1 = FencePlan.of(cib("/x/%s.pid"), "n1", null);
    assertThat(n1.action()).isEqualTo("reboot");
    assertThat(n1.devices()).extracting(FenceDevice::id).containsExactly("ipmi-n1", "pdu", "missing", "kill");
    FenceDevice ipmi = n1.devices().get(0);
    assertThat(ipmi.params()).containsExactlyInAnyOrderEntriesOf(Map.of("ip", "10.0.0.101", "port", "n1", "plug", "n1",
        "nodename", "n1"));
    assertThat(ipmi.timeoutMs()).isEqualTo(20_000);

    FencePlan n2 = FencePlan.of(cib("/x/%s.pid"), "n2", "off");
    assertThat(n2.devices()).extracting(FenceDevice::id).containsExactly("pdu", "missing", "kill");
    assertThat(n2.devices().get(0).params()).containsEntry("port", "5").containsEntry("nodename", "n2");
    assertThat(n2.devices().get(0).timeoutMs()).isEqualTo(90_000);
  }

  @Test
  void theTestAgentKillsTheNodesDaemonAfterTheDevicesThatFail(@TempDir Path dir) throws Exception {
    Path fake = dir.resolve("vigild-fake");
    Files.copy(Path.of("/bin/sleep"), fake);
    fake.toFile().setExecutable(true);
    Process daemon = new ProcessBuilder(fake.toString(), "300").start();
    Files.writeString(dir.resolve("n2.pid"), daemon.pid() + "\n", StandardCharsets.UTF_8);
    try {
      FencePlan plan = FencePlan.of(cib(dir + "/%s.pid"), "n2", "off");
      Fencer.Result r = new Fencer(List.of(AGENTS)).fence(plan);
      assertThat(r).isEqualTo(new Fencer.Result.Fenced("kill"));
      assertThat(daemon.waitFor(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      daemon.destroyForcibly();
    }
  }

  @Test
  void whenNoDeviceWorksTheReasonNamesEachAttempt(@TempDir Path dir) throws Exception {
    FencePlan plan = new FencePlan("n2", "on", FencePlan.of(cib(dir + "/%s.pid"), "n2", "on").devices().subList(1, 3));
    Fencer.Result r = new Fencer(List.of(AGENTS)).fence(plan);
    assertThat(r).isInstanceOf(Fencer.Result.NotFenced.class);
    assertThat(((Fencer.Result.NotFenced) r).reason()).isEqualTo("fencing of n2 failed: missing: fence agent "
        + "fence_nowhere not found in [" + AGENTS + "]; kill: agent fence_vigil returned 1: fence_vigil: cannot power on n2");
    assertThat(new Fencer(List.of(AGENTS)).fence(new FencePlan("n9", "reboot", List.of())))
        .isEqualTo(new Fencer.Result.NotFenced("no fencing device can fence n9"));
  }

  @Test
  void agentDirectoriesFromTheEnvironmentComeFirst() {
    assertThat(Fencer.agentDirs("/opt/a::/opt/b")).containsExactly(Path.of("/opt/a"), Path.of("/opt/b"),
        Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));
    assertThat(Fencer.agentDirs(null)).isEqualTo(Fencer.STANDARD_AGENT_DIRS);
  }
}
