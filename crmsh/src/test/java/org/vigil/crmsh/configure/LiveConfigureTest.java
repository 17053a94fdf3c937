package org.vigil.crmsh.configure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.crmsh.CrmProcess;
import org.vigil.crmsh.CrmProcess.Result;

/**
 * {@code crm configure} on a running cluster: a two-node demo of vigild processes on
 * loopback, configured through node1's socket and read back through node2's. Resources are
 * Dummy agents under stop-all-resources, so nothing on this machine changes.
 */
class LiveConfigureTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
  @TempDir Path dir;
  private boolean started;

  @AfterEach
  void stopCluster() throws Exception {
    if (started) {
      CrmProcess.run(Map.of(), null, "cluster", "demo", "stop", "--dir", dir.toString());
    }
  }

  private static boolean controllerBuilt() throws Exception {
    Path target = ROOT.resolve("controller/target");
    if (!Files.isDirectory(target)) {
      return false;
    }
    try (Stream<Path> s = Files.list(target)) {
      return s.anyMatch(p -> p.getFileName().toString().matches("vigil-controller-.*\\.jar"));
    }
  }

  @Test
  void statementsCommittedOnOneNodeAreShownOnTheOther() throws Exception {
    Assumptions.assumeTrue(controllerBuilt(), "vigild is not built (mvn package -pl controller -am)");
    int port = 20000 + (int) (ProcessHandle.current().pid() % 20000);
    Result demo = CrmProcess.run(Map.of(), null, "cluster", "demo", "--dir=" + dir, "--nodes=2", "--base-port=" + port);
    started = true;
    Assumptions.assumeTrue(demo.exitCode() == 0, "the demo cluster did not start: " + demo.stdout() + demo.stderr());

    Map<String, String> node1 = Map.of("VIGIL_SOCKET", dir.resolve("node1/vigild.sock").toString());
    Map<String, String> node2 = Map.of("VIGIL_SOCKET", dir.resolve("node2/vigild.sock").toString());
    Result r = CrmProcess.run(node1, """
        property stonith-enabled=false stop-all-resources=true
        primitive d1 ocf:pacemaker:Dummy op monitor interval=10s
        primitive d2 ocf:pacemaker:Dummy
        group g d1 d2
        """, "configure");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    String expected = "group g d1 d2\n";
    String shown = "";
    for (int i = 0; i < 100 && !shown.equals(expected); i++) {
      shown = CrmProcess.run(node2, null, "configure", "show", "g").stdout();
      Thread.sleep(100);
    }
    assertThat(shown).isEqualTo(expected);

    String before = CrmProcess.run(node1, null, "configure", "show", "xml").stdout();
    Result bad = CrmProcess.run(node1, "primitive d3 ocf:pacemaker:Dummy\norder o1 Mandatory: d3 nosuch\n", "configure");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stderr()).contains("ERROR: line 2, column 24: resource nosuch does not exist");
    assertThat(CrmProcess.run(node1, null, "configure", "show", "xml").stdout()).isEqualTo(before);
  }
}
