package org.vigil.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.protocol.VigilClient;

/**
 * A real partition: two vigild processes in two network namespaces joined by a veth pair (two_node, so
 * both halves keep quorum and take writes). Both sides change the CIB while the link is down; after it
 * comes back the side with the higher version wins everywhere and the other side's change is logged.
 * Needs root and iproute2; skipped otherwise.
 */
@Tag("netns")
class VigildPartitionTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private static void write(VigildCluster c, int k, String id) throws Exception {
    try (VigilClient client = c.client(k)) {
      client.update(VigildScenarioTest.dummy(id));
    }
  }

  @Test
  void bothSidesChangeTheCibAndAfterHealingTheHigherVersionIsEverywhere() throws Exception {
    int subnet = ThreadLocalRandom.current().nextInt(1, 250);
    String ipA = "10.232." + subnet + ".1";
    String ipB = "10.232." + subnet + ".2";
    try (NetnsLab lab = new NetnsLab()) {
      Assumptions.assumeTrue(lab.add("a"),
          "needs root and iproute2 to create network namespaces ('ip netns add' failed)");
      Assumptions.assumeTrue(lab.add("b"), "cannot create a second namespace");
      String nsA = lab.ns("a");
      String nsB = lab.ns("b");
      String va = lab.tag + "va";
      String vb = lab.tag + "vb";
      NetnsLab.must("ip", "-n", nsA, "link", "add", va, "type", "veth", "peer", "name", vb, "netns", nsB);
      NetnsLab.must("ip", "-n", nsA, "addr", "add", ipA + "/24", "dev", va);
      NetnsLab.must("ip", "-n", nsB, "addr", "add", ipB + "/24", "dev", vb);
      NetnsLab.must("ip", "-n", nsA, "link", "set", va, "up");
      NetnsLab.must("ip", "-n", nsB, "link", "set", vb, "up");
      try (VigildCluster c = new VigildCluster(dir, List.of(ipA, ipB), 7680, "quorum.two_node = true")
          .launchThrough(1, "ip", "netns", "exec", nsA).launchThrough(2, "ip", "netns", "exec", nsB)) {
        c.startAll();
        c.awaitMembers(List.of(1, 2), WAIT);
        write(c, 2, "before");

        NetnsLab.must("ip", "-n", nsA, "link", "set", va, "down");
        assertThat(c.awaitMembers(List.of(1), WAIT).quorate()).isTrue();
        assertThat(c.awaitMembers(List.of(2), WAIT).quorate()).isTrue();
        write(c, 1, "sideA-1");
        write(c, 1, "sideA-2");
        write(c, 2, "sideB-1");

        NetnsLab.must("ip", "-n", nsA, "link", "set", va, "up");
        c.awaitMembers(List.of(1, 2), WAIT);
        c.awaitSameCib(List.of(1, 2), WAIT);
        for (int k = 1; k <= 2; k++) {
          Cib cib = c.cib(k);
          assertThat(cib.configuration().findResource("before")).isPresent();
          assertThat(cib.configuration().findResource("sideA-1")).isPresent();
          assertThat(cib.configuration().findResource("sideA-2")).isPresent();
          assertThat(cib.configuration().findResource("sideB-1")).as("the losing side's change").isEmpty();
        }
        String logs = c.logText(1) + c.logText(2);
        assertThat(logs).contains("of node node2 loses to CIB").contains("resource sideB-1 (absent)");
      }
    }
  }
}
