package org.vigil.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.membership.NodeConfig;

class VigildConfigTest {
  private static final Path FILE = Path.of("/etc/vigil/vigild.conf");

  @Test
  void readsEveryKeyWithPathsRelativeToTheFile() throws Exception {
    VigildConfig c = VigildConfig.parse(FILE, List.of(
        "# a comment",
        "cluster_name = prod",
        "node_name = b",
        "node.b = 2 10.0.0.2:7800 1   # one vote",
        "node.a = 1 10.0.0.1:7800",
        "key_file = authkey",
        "data_dir = /var/lib/vigil",
        "quorum.two_node = false",
        "quorum.wait_for_all = yes",
        "quorum.last_man_standing = on",
        "quorum.last_man_standing_window = 20000",
        "quorum.auto_tie_breaker = true",
        "quorum.auto_tie_breaker_node = 2",
        "totem.token = 2000",
        "totem.heartbeat = 300"));
    assertThat(c.nodeName()).isEqualTo("b");
    assertThat(c.membership().clusterName()).isEqualTo("prod");
    assertThat(c.membership().nodes()).containsExactly(new NodeConfig("a", 1, "10.0.0.1", 7800),
        new NodeConfig("b", 2, "10.0.0.2", 7800, 1));
    assertThat(c.membership().keyFile()).isEqualTo(Path.of("/etc/vigil/authkey"));
    assertThat(c.socket()).isEqualTo(Path.of("/var/lib/vigil/vigild.sock"));
    assertThat(c.cibFile()).isEqualTo(Path.of("/var/lib/vigil/cib.xml"));
    assertThat(c.membership().quorum().effectiveWaitForAll()).isTrue();
    assertThat(c.membership().quorum().lastManStanding()).isTrue();
    assertThat(c.membership().quorum().lastManStandingWindow()).isEqualTo(Duration.ofSeconds(20));
    assertThat(c.membership().quorum().tieBreaker().nodeIds()).containsExactly(2);
    assertThat(c.membership().failureDetection().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.membership().failureDetection().interval()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void mistakesNameTheFileLineAndKey() {
    List<String> base = List.of("cluster_name = x", "node_name = a", "node.a = 1 127.0.0.1:7800", "key_file = k",
        "data_dir = d");
    assertThatThrownBy(() -> VigildConfig.parse(FILE, with(base, "quorum.twonode = true")))
        .hasMessageContaining("/etc/vigil/vigild.conf:6: unknown key 'quorum.twonode'");
    assertThatThrownBy(() -> VigildConfig.parse(FILE, with(base, "quorum.two_node = maybe")))
        .hasMessageContaining("vigild.conf:6: quorum.two_node: expected true or false, found 'maybe'");
    assertThatThrownBy(() -> VigildConfig.parse(FILE, with(base, "node.b = two 127.0.0.1:7801")))
        .hasMessageContaining("vigild.conf:6: node.b: id, port and votes must be integers");
    assertThatThrownBy(() -> VigildConfig.parse(FILE, with(base, "node.b = 1 127.0.0.1:7801")))
        .hasMessageContaining("id 1 appears twice");
    assertThatThrownBy(() -> VigildConfig.parse(FILE, with(base, "cluster_name = y")))
        .hasMessageContaining("'cluster_name' is set twice (first on line 1)");
    assertThatThrownBy(() -> VigildConfig.parse(FILE, with(base, "just words")))
        .hasMessageContaining("vigild.conf:6: expected 'key = value'");
    assertThatThrownBy(() -> VigildConfig.parse(FILE, base.subList(0, 4))).hasMessageContaining("'data_dir' is required");
    assertThatThrownBy(() -> VigildConfig.parse(FILE, List.of("cluster_name = x", "node_name = z",
        "node.a = 1 127.0.0.1:7800", "key_file = k", "data_dir = d"))).hasMessageContaining("this node 'z' is not in the node list");
  }

  private static List<String> with(List<String> base, String line) {
    List<String> out = new java.util.ArrayList<>(base);
    out.add(line);
    return out;
  }
}
