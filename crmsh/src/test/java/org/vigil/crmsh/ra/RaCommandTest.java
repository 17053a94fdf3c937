package org.vigil.crmsh.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vigil.crmsh.CrmProcess;
import org.vigil.crmsh.CrmProcess.Result;
import org.vigil.lrm.AgentMetadata;

class RaCommandTest {
  private static final Path OCF = Path.of("/usr/lib/ocf/resource.d");

  @Test
  void columnsAreLaidOutAsCrmshDoes() {
    // longest name 10: columns of 13, six to a line; the last column of a full line is not padded
    List<String> lsb = List.of("corosync", "dbus", "hwclock.sh", "logd", "openhpid", "pacemaker", "postgresql",
        "procps", "x11-common");
    assertThat(RaFormat.columns(lsb)).isEqualTo(
        "corosync     dbus         hwclock.sh   logd         openhpid     pacemaker\n"
            + "postgresql   procps       x11-common   \n");
    // longest 12: five columns, the width shared out (16 each)
    assertThat(RaFormat.columns(List.of("ClusterMon", "Dummy", "HealthCPU", "HealthIOWait", "HealthSMART", "Stateful")))
        .isEqualTo("ClusterMon      Dummy           HealthCPU       HealthIOWait    HealthSMART\nStateful        \n");
    assertThat(RaFormat.columns(List.of())).isEmpty();
  }

  @Test
  void infoShowsParametersWithDefaultsAndTheAdvisedOperations() throws Exception {
    AgentMetadata md = AgentMetadata.parse("""
        <resource-agent name="Web"><version>1.1</version>
        <longdesc lang="en">
        Runs a web server.
        Two lines.
        </longdesc>
        <shortdesc lang="en">Web server</shortdesc>
        <parameters>
        <parameter name="port" required="1"><longdesc lang="en">
        The port.

        Any port.
        </longdesc><shortdesc lang="en">Port</shortdesc><content type="integer" default="80"/></parameter>
        <parameter name="root"><longdesc lang="en">Document root</longdesc><shortdesc lang="en">Document root</shortdesc>
        <content type="string" default=""/></parameter>
        <parameter name="user"><shortdesc lang="en">user</shortdesc></parameter>
        </parameters>
        <actions>
        <action name="start" timeout="20s"/>
        <action name="monitor" depth="0" timeout="20s" interval="10s"/>
        <action name="meta-data" timeout="5s"/>
        <action name="validate-all" timeout="5s"/>
        <action name="reload-agent" timeout="10s"/>
        </actions></resource-agent>""", "ocf:test:Web");
    assertThat(RaFormat.info("ocf:test:Web", md)).isEqualTo("""
        Web server (ocf:test:Web)

        Runs a web server.
        Two lines.

        Parameters (*: required, []: default):

        port* (integer, [80]): Port
            The port.
           \s
            Any port.

        root (string):\s
            Document root

        user (string):\s

        Operations' defaults (advisory minimum):

            start         timeout=20s
            monitor       depth=0 timeout=20s interval=10s
            reload-agent  timeout=10s
        """);
  }

  @Test
  void aShortDescriptionThatRepeatsTheNameOrTheLongOneIsLeftOut() throws Exception {
    AgentMetadata md = AgentMetadata.parse("""
        <resource-agent name="procs"><longdesc>Counts processes</longdesc><shortdesc>Counts processes</shortdesc>
        <parameters><parameter name="limit"><longdesc>How many</longdesc><shortdesc>limit</shortdesc></parameter>
        </parameters></resource-agent>""", "lsb:procs");
    assertThat(RaFormat.info("lsb:procs", md)).isEqualTo(
        "lsb:procs\n\nCounts processes\n\nParameters (*: required, []: default):\n\nlimit (string): \n    How many\n");
    AgentMetadata named = AgentMetadata.parse(
        "<resource-agent name='x'><longdesc>Long</longdesc><shortdesc>x</shortdesc></resource-agent>", "ocf:t:x");
    assertThat(RaFormat.info("ocf:t:x", named)).isEqualTo("ocf:t:x\n\nLong\n");
  }

  @Tag("agents")
  @Test
  void classesListAndInfoOfTheInstalledAgents() throws Exception {
    assumeTrue(Files.isExecutable(OCF.resolve("heartbeat/IPaddr2")) && Files.isExecutable(OCF.resolve("pacemaker/Dummy")),
        "resource-agents and pacemaker-resource-agents are not installed");
    Result classes = CrmProcess.run(Map.of(), null, "ra", "classes");
    assertThat(classes.exitCode()).as(classes.stderr()).isZero();
    assertThat(classes.stdout()).startsWith("lsb\nocf / heartbeat pacemaker\nservice\n");

    Result list = CrmProcess.run(Map.of(), null, "ra", "list", "ocf", "pacemaker");
    assertThat(list.exitCode()).isZero();
    assertThat(list.stdout()).startsWith("ClusterMon").contains("Dummy", "Stateful");
    Result all = CrmProcess.run(Map.of(), null, "ra", "list", "ocf");
    assertThat(all.stdout()).contains("IPaddr2", "Stateful");

    Result info = CrmProcess.run(Map.of(), null, "ra", "info", "ocf:heartbeat:IPaddr2");
    assertThat(info.exitCode()).as(info.stderr()).isZero();
    assertThat(info.stdout()).startsWith(
        "Manages virtual IPv4 and IPv6 addresses (Linux specific version) (ocf:heartbeat:IPaddr2)\n\n");
    assertThat(info.stdout()).contains("\nip* (string): IPv4 or IPv6 address\n",
        "\narp_count (integer, [5]): ARP/NA packet count sent during initialization\n",
        "\n    start         timeout=20s\n");
    Result meta = CrmProcess.run(Map.of(), null, "ra", "meta", "IPaddr2");
    assertThat(meta.stdout()).isEqualTo(info.stdout());
  }

  @Tag("agents")
  @Test
  void infoMatchesTheRealCrmshWhereItIsInstalled() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/crm")), "crmsh is not installed");
    assumeTrue(Files.isExecutable(OCF.resolve("heartbeat/IPaddr2")), "resource-agents are not installed");
    for (String agent : List.of("ocf:heartbeat:IPaddr2", "ocf:heartbeat:Filesystem", "ocf:heartbeat:Dummy",
        "ocf:heartbeat:sybaseASE", "ocf:pacemaker:Stateful", "ocf:pacemaker:ping")) {
      Process p = new ProcessBuilder("/usr/sbin/crm", "ra", "info", agent).redirectErrorStream(true).start();
      String expected = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      p.waitFor();
      Result mine = CrmProcess.run(Map.of(), null, "ra", "info", agent);
      assertThat(mine.stdout()).as(agent).isEqualTo(expected);
    }
  }

  @Test
  void errorsNameWhatIsWrong() throws Exception {
    Result badClass = CrmProcess.run(Map.of(), null, "ra", "list", "nosuch");
    assertThat(badClass.exitCode()).isEqualTo(1);
    assertThat(badClass.stderr()).isEqualTo("ERROR: ra.list: class nosuch does not exist\n");
    Result missing = CrmProcess.run(Map.of(), null, "ra", "info", "ocf:heartbeat:NoSuchAgent");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).isEqualTo("ERROR: ra.info: ocf:heartbeat:NoSuchAgent is not installed on this machine\n");
  }

  @Test
  void systemdIsReportedAbsentWhereItDoesNotRun() throws Exception {
    assumeTrue(!Files.isDirectory(Path.of("/run/systemd/system")), "systemd runs here");
    Result r = CrmProcess.run(Map.of(), null, "ra", "list", "systemd");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).startsWith("ERROR: ra.list: systemd is not running on this machine");
  }
}
