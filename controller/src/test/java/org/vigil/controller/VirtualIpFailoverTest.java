package org.vigil.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.protocol.VigilClient;

/**
 * A virtual IP that follows its node's death: three namespaces, each with a vigild, on a bridge
 * that lives in a fourth (the client's) namespace; ocf:heartbeat:IPaddr2 holds an address of the
 * bridge's subnet. The node holding it is killed (kill -9) and its link taken down: a crashed
 * machine's kernel would keep the address until fenced, but would not answer on a dead wire. The
 * address must then be up in exactly one surviving namespace and answer the client's ping from
 * there. Needs root, iproute2 and resource-agents; skipped otherwise.
 */
@Tag("netns")
class VirtualIpFailoverTest {
  private static final Path IPADDR2 = Path.of("/usr/lib/ocf/resource.d/heartbeat/IPaddr2");
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final String NIC = "eth0";

  @TempDir Path dir;

  private static String config(String vip) {
    return """
        <configuration>
          <crm_config><cluster_property_set id="cib-bootstrap-options">
            <nvpair id="o-stonith" name="stonith-enabled" value="false"/></cluster_property_set></crm_config>
          <resources>
            <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
              <instance_attributes id="vip-ia">
                <nvpair id="vip-ip" name="ip" value="%s"/>
                <nvpair id="vip-mask" name="cidr_netmask" value="24"/>
                <nvpair id="vip-nic" name="nic" value="%s"/></instance_attributes>
              <operations><op id="vip-mon" name="monitor" interval="2s" timeout="20s"/></operations></primitive>
          </resources>
        </configuration>""".formatted(vip, NIC);
  }

  /** Whether namespace NS has {@code vip} on its interface, as {@code ip addr} shows it. */
  private static boolean holds(String ns, String vip) throws Exception {
    return NetnsLab.must("ip", "-n", ns, "-4", "addr", "show", "dev", NIC).contains(" " + vip + "/24 ");
  }

  private static boolean pings(String ns, String vip) throws Exception {
    return NetnsLab.run("ip", "netns", "exec", ns, "ping", "-c", "1", "-W", "1", vip) == 0;
  }

  private static String mac(String ns) throws Exception {
    String link = NetnsLab.must("ip", "-n", ns, "-o", "link", "show", "dev", NIC);
    return link.replaceAll("(?s).*link/ether ([0-9a-f:]+).*", "$1");
  }

  /** The one member node where the CIB says vip runs, else null. */
  private static String vipNode(VigildCluster c, int k) {
    Cib cib = TransitionScenarioTest.cib(c, k);
    List<String> on = cib == null ? List.of() : TransitionScenarioTest.runningOn(cib, "vip");
    return on.size() == 1 ? on.get(0) : null;
  }

  @Test
  void killingTheNodeThatHoldsTheAddressMovesItAndTheClientStillReachesIt() throws Exception {
    assumeTrue(Files.isExecutable(IPADDR2), "ocf:heartbeat:IPaddr2 is not installed (resource-agents)");
    int subnet = ThreadLocalRandom.current().nextInt(1, 250);
    String prefix = "10.233." + subnet + ".";
    String vip = prefix + "100";
    try (NetnsLab lab = new NetnsLab()) {
      assumeTrue(lab.add("c"), "needs root and iproute2 to create network namespaces ('ip netns add' failed)");
      String client = lab.ns("c");
      NetnsLab.must("ip", "-n", client, "link", "add", "br0", "type", "bridge");
      NetnsLab.must("ip", "-n", client, "addr", "add", prefix + "254/24", "dev", "br0");
      NetnsLab.must("ip", "-n", client, "link", "set", "br0", "up");
      List<String> nodeNs = List.of(lab.ns("1"), lab.ns("2"), lab.ns("3"));
      for (int k = 1; k <= 3; k++) {
        assertThat(lab.add(Integer.toString(k))).as("namespace for node" + k).isTrue();
        String ns = nodeNs.get(k - 1);
        String port = "port" + k;
        NetnsLab.must("ip", "-n", ns, "link", "add", NIC, "type", "veth", "peer", "name", port, "netns", client);
        NetnsLab.must("ip", "-n", client, "link", "set", port, "master", "br0");
        NetnsLab.must("ip", "-n", client, "link", "set", port, "up");
        NetnsLab.must("ip", "-n", ns, "addr", "add", prefix + k + "/24", "dev", NIC);
        NetnsLab.must("ip", "-n", ns, "link", "set", NIC, "up");
      }
      VigildCluster cluster = new VigildCluster(dir, List.of(prefix + "1", prefix + "2", prefix + "3"), 7690);
      for (int k = 1; k <= 3; k++) {
        cluster.launchThrough(k, "ip", "netns", "exec", nodeNs.get(k - 1));
      }
      try (VigildCluster c = cluster) {
        c.startAll();
        c.awaitMembers(List.of(1, 2, 3), SETTLE);
        try (VigilClient client1 = c.client(1)) {
          client1.update(config(vip));
        }
        String first = VigildCluster.await("vip running", SETTLE, () -> vipNode(c, 1));
        int k = Integer.parseInt(first.substring("node".length()));
        for (int n = 1; n <= 3; n++) {
          assertThat(holds(nodeNs.get(n - 1), vip)).as("ip addr in node" + n + "'s namespace").isEqualTo(n == k);
        }
        assertThat(pings(client, vip)).as("the client pings " + vip + " on " + first).isTrue();

        c.kill(k);
        NetnsLab.must("ip", "-n", nodeNs.get(k - 1), "link", "set", NIC, "down");
        int survivor = k == 1 ? 2 : 1;
        String second = VigildCluster.await("vip running elsewhere", SETTLE, () -> {
          String node = vipNode(c, survivor);
          return node != null && !node.equals(first) ? node : null;
        });
        int m = Integer.parseInt(second.substring("node".length()));
        for (int n = 1; n <= 3; n++) {
          if (n != k) {
            assertThat(holds(nodeNs.get(n - 1), vip)).as("ip addr in node" + n + "'s namespace").isEqualTo(n == m);
          }
        }
        NetnsLab.must("ip", "-n", client, "neigh", "flush", "all");
        String answered = VigildCluster.await("the client reaching " + vip, SETTLE, () -> {
          try {
            return pings(client, vip) ? NetnsLab.must("ip", "-n", client, "neigh", "show", vip) : null;
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
        assertThat(answered).as("the address answers from " + second + "'s interface")
            .contains(mac(nodeNs.get(m - 1)));
      }
    }
  }
}
