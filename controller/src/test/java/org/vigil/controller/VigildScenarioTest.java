package org.vigil.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cib.model.Cib;
import org.vigil.cib.model.CibVersion;
import org.vigil.protocol.ClusterStatus;
import org.vigil.protocol.VigilClient;

/**
 * vigild processes on 127.0.0.1 (ports from 7610-7659, or the next free blocks; failure detection 100
 * above): forming, writes through any node, a killed DC, a stale restart, two_node and a quorum-less
 * minority.
 */
class VigildScenarioTest {
  private static final Duration FORM = Duration.ofSeconds(60);

  @TempDir Path dir;

  static String dummy(String id) {
    return "<configuration><resources><primitive id=\"" + id
        + "\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/></resources></configuration>";
  }

  static Cib cibOf(VigildCluster c, int k) throws Exception {
    return c.cib(k);
  }

  static CibVersion write(VigildCluster c, int k, String xml) throws Exception {
    try (VigilClient client = c.client(k)) {
      return client.update(xml).version();
    }
  }

  @Test
  void threeNodesAgreeOnOneDcAndAChangeOnAnyNodeReachesEveryNode() throws Exception {
    try (VigildCluster c = new VigildCluster(dir, 3, 7610)) {
      c.startAll();
      ClusterStatus formed = c.awaitMembers(List.of(1, 2, 3), FORM);
      assertThat(formed.quorate()).isTrue();
      for (int k = 1; k <= 3; k++) {
        assertThat(c.status(k).orElseThrow().dc()).isEqualTo(formed.dc());
      }
      CibVersion last = CibVersion.ZERO;
      for (int k = 1; k <= 3; k++) {
        CibVersion v = write(c, k, dummy("r" + k));
        assertThat(v).isGreaterThan(last);
        last = v;
      }
      ClusterStatus same = c.awaitSameCib(List.of(1, 2, 3), Duration.ofSeconds(10));
      assertThat(same.cibVersion()).isGreaterThanOrEqualTo(last);
      for (int k = 1; k <= 3; k++) {
        Cib cib = cibOf(c, k);
        for (int r = 1; r <= 3; r++) {
          assertThat(cib.configuration().findResource("r" + r)).as("node%d has r%d", k, r).isPresent();
        }
        assertThat(cib.status().nodeStates()).extracting(s -> s.inCcm()).containsOnly("true").hasSize(3);
      }
    }
  }

  @Test
  void killingTheDcOfFiveGivesANewDcAndLosesNoCommittedChange() throws Exception {
    try (VigildCluster c = new VigildCluster(dir, 5, 7620)) {
      c.startAll();
      ClusterStatus formed = c.awaitMembers(List.of(1, 2, 3, 4, 5), FORM);
      CibVersion lastCommitted = CibVersion.ZERO;
      for (int i = 0; i < 10; i++) {
        lastCommitted = write(c, 1 + i % 5, dummy("r" + i));
      }
      int dc = Integer.parseInt(formed.dc().orElseThrow().substring(4));
      c.kill(dc);
      List<Integer> survivors = new ArrayList<>(List.of(1, 2, 3, 4, 5));
      survivors.remove(Integer.valueOf(dc));
      ClusterStatus after = c.awaitMembers(survivors, FORM);
      assertThat(after.dc()).isPresent().isNotEqualTo(formed.dc());
      // The new DC records the loss once it has gathered the survivors' CIBs.
      c.awaitCib(survivors.get(0), "node" + dc + " recorded offline",
          cib -> cib.status().nodeState("node" + dc).map(s -> "false".equals(s.inCcm())).orElse(false), FORM);
      c.awaitSameCib(survivors, Duration.ofSeconds(10));
      for (int k : survivors) {
        Cib cib = cibOf(c, k);
        assertThat(cib.version()).isGreaterThanOrEqualTo(lastCommitted);
        for (int i = 0; i < 10; i++) {
          assertThat(cib.configuration().findResource("r" + i)).as("node%d has r%d", k, i).isPresent();
        }
        assertThat(cib.status().nodeState("node" + dc).orElseThrow().inCcm()).isEqualTo("false");
      }
      assertThat(write(c, survivors.get(0), dummy("afterwards"))).isGreaterThan(lastCommitted);
    }
  }

  @Test
  void aNodeRestartedWithAStaleCibCatchesUp() throws Exception {
    try (VigildCluster c = new VigildCluster(dir, 3, 7630)) {
      c.startAll();
      c.awaitMembers(List.of(1, 2, 3), FORM);
      write(c, 1, dummy("before"));
      c.kill(3);
      c.awaitMembers(List.of(1, 2), FORM);
      write(c, 2, dummy("missed1"));
      CibVersion v = write(c, 1, dummy("missed2"));
      c.start(3);
      c.awaitMembers(List.of(1, 2, 3), FORM);
      ClusterStatus same = c.awaitSameCib(List.of(1, 2, 3), Duration.ofSeconds(10));
      assertThat(same.cibVersion()).isGreaterThan(v);
      Cib cib = cibOf(c, 3);
      assertThat(cib.configuration().findResource("missed1")).isPresent();
      assertThat(cib.configuration().findResource("missed2")).isPresent();
      String dc = same.dc().orElseThrow();
      assertThat(c.logText(Integer.parseInt(dc.substring(4)))).contains("node node3 catches up from CIB");
    }
  }

  @Test
  void aTwoNodeClusterKeepsQuorumOnOneSurvivor() throws Exception {
    try (VigildCluster c = new VigildCluster(dir, 2, 7640, "quorum.two_node = true")) {
      c.startAll();
      assertThat(c.awaitMembers(List.of(1, 2), FORM).quorate()).isTrue();
      c.kill(2);
      ClusterStatus alone = c.awaitMembers(List.of(1), FORM);
      assertThat(alone.quorate()).isTrue();
      assertThat(alone.quorumReport()).contains("2Node").contains("Quorate:          Yes");
      write(c, 1, dummy("still-writable"));
      assertThat(cibOf(c, 1).haveQuorum()).isTrue();
    }
  }

  @Test
  void aMinorityOfTwoOutOfFiveLosesQuorumAndSaysSo() throws Exception {
    try (VigildCluster c = new VigildCluster(dir, 5, 7650)) {
      c.startAll();
      assertThat(c.awaitMembers(List.of(1, 2, 3, 4, 5), FORM).quorate()).isTrue();
      c.kill(3);
      c.kill(4);
      c.kill(5);
      ClusterStatus minority = c.awaitMembers(List.of(1, 2), FORM);
      assertThat(minority.quorate()).isFalse();
      assertThat(minority.quorumReport()).contains("Quorate:          No").contains("Activity blocked");
      VigildCluster.await("the minority's CIB to record have-quorum=0", FORM, () -> {
        try {
          return cibOf(c, 2).haveQuorum() ? null : Boolean.TRUE;
        } catch (Exception e) {
          return null;
        }
      });
      assertThat(c.logText(1)).contains("quorum lost");
      assertThat(Set.copyOf(minority.members())).containsExactlyInAnyOrder("node1", "node2");
    }
  }
}
