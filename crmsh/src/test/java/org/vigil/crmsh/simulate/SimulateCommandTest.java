package org.vigil.crmsh.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.crmsh.CrmProcess;
import picocli.CommandLine;

class SimulateCommandTest {
  @TempDir Path dir;

  private static String cib(String mode) {
    return "<cib validate-with='pacemaker-3.7' epoch='1' num_updates='0' admin_epoch='0' have-quorum='1' "
        + "execution-date='1493818404'><configuration><crm_config><cluster_property_set id='o'>"
        + "<nvpair id='s' name='stonith-enabled' value='false'/>"
        + "<nvpair id='t' name='test-scheduler' value='" + mode + "'/></cluster_property_set></crm_config>"
        + "<nodes><node id='1' uname='node1'/><node id='2' uname='node2'/></nodes><resources>"
        + "<primitive id='rsc1' class='ocf' provider='heartbeat' type='apache'/></resources><constraints/>"
        + "</configuration><status>"
        + "<node_state id='1' uname='node1' in_ccm='true' crmd='online' join='member' expected='member'/>"
        + "<node_state id='2' uname='node2' in_ccm='false' crmd='offline' join='down' expected='down'/>"
        + "</status></cib>";
  }

  private Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void helpPrintsTheUsageOnStandardOutput() throws Exception {
    // .ci/run looks for this line before it scores the scheduler
    CrmProcess.Result r = CrmProcess.run(Map.of(), null, "simulate", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).startsWith("Usage: crm simulate");
    CrmProcess.Result status = CrmProcess.run(Map.of(), null, "status", "--help");
    assertThat(status.exitCode()).isZero();
    assertThat(status.stdout()).startsWith("Usage: crm status");
  }

  @Test
  void simulatePrintsCurrentSummaryExecutionAndRevisedStatus() throws Exception {
    Path f = write("c.xml", cib("start-stopped"));
    CrmProcess.Result r = CrmProcess.run(Map.of(), null, "simulate", "-x", f.toString(), "-S");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout()).isEqualTo("""
        Using the original execution date of: 2017-05-03 13:33:24Z
        Current cluster status:
          * Node List:
            * Online: [ node1 ]
            * OFFLINE: [ node2 ]

          * Full List of Resources:
            * rsc1\t(ocf:heartbeat:apache):\t Stopped

        Transition Summary:
          * Start      rsc1   ( node1 )

        Executing Cluster Transition:
          * Resource action: rsc1            start on node1
        Using the original execution date of: 2017-05-03 13:33:24Z

        Revised Cluster Status:
          * Node List:
            * Online: [ node1 ]
            * OFFLINE: [ node2 ]

          * Full List of Resources:
            * rsc1\t(ocf:heartbeat:apache):\t Started node1
        """);
  }

  @Test
  void withoutOptionsOnlyTheCurrentStatusIsShownAndQuietShowsNothing() throws Exception {
    Path f = write("c.xml", cib("throw"));
    CrmProcess.Result plain = CrmProcess.run(Map.of(), null, "simulate", "--xml-file", f.toString());
    assertThat(plain.exitCode()).isZero();
    assertThat(plain.stdout()).endsWith("    * rsc1\t(ocf:heartbeat:apache):\t Stopped\n").doesNotContain("Transition");
    CrmProcess.Result quiet = CrmProcess.run(Map.of(), null, "simulate", "-x", write("q.xml", cib("start-stopped"))
        .toString(), "-S", "-Q");
    assertThat(quiet.exitCode()).isZero();
    assertThat(quiet.stdout()).isEmpty();
  }

  @Test
  void aGraphThatCannotCompleteFailsLikeCrmSimulate() throws Exception {
    CrmProcess.Result r = CrmProcess.run(Map.of(), null, "simulate", "-x", write("c.xml", cib("cycle")).toString(),
        "-S");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Transition failed: terminated\nAn invalid transition was produced\n");
  }

  @Test
  void aMissingOrMalformedFileIsOneClearError() throws Exception {
    CrmProcess.Result missing = CrmProcess.run(Map.of(), null, "simulate", "-x", dir.resolve("nope.xml").toString(),
        "-S");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).startsWith("ERROR: CIB file").contains("nope.xml does not exist");
    CrmProcess.Result bad = CrmProcess.run(Map.of(), null, "simulate", "-x", write("b.xml", "<cib>").toString(), "-S");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stderr()).startsWith("ERROR: not a valid CIB:").contains("b.xml");
  }

  @Test
  void batchIsolatesFailingAndHangingCasesAndWritesEveryOtherSummary() throws Exception {
    Path in = Files.createDirectories(dir.resolve("xml"));
    Path out = dir.resolve("out");
    Files.writeString(in.resolve("good.xml"), cib("start-stopped"));
    Files.writeString(in.resolve("throws.xml"), cib("throw"));
    Files.writeString(in.resolve("hangs.xml"), cib("hang"));
    Files.writeString(in.resolve("broken.xml"), "<cib");
    Files.writeString(in.resolve("notes.txt"), "not a case");
    CrmProcess.Result r = CrmProcess.run(Map.of(), null, "simulate", "--xml-dir", in.toString(), "--summary-dir",
        out.toString(), "--case-timeout", "2");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr()).contains("simulated 4 cases: 2 failed, 1 timed out");
    CrmProcess.Result single = CrmProcess.run(Map.of(), null, "simulate", "-x", in.resolve("good.xml").toString(),
        "-S");
    assertThat(Files.readString(out.resolve("good.summary"))).isEqualTo(single.stdout());
    assertThat(Files.readString(out.resolve("throws.summary"))).contains("throws.xml").contains("scripted failure");
    assertThat(Files.readString(out.resolve("hangs.summary"))).contains("abandoned after 2 s");
    assertThat(Files.readString(out.resolve("broken.summary"))).contains("broken.xml");
    assertThat(out.resolve("notes.summary")).doesNotExist();
  }

  @Test
  void thePlainFormsAreReadAsPicocliReadsThem() {
    List<String[]> forms = List.of(
        new String[] {"simulate", "-x", "c.xml", "-S"},
        new String[] {"simulate", "--xml-file", "dir/c.xml"},
        new String[] {"simulate", "-R", "-x", "c.xml", "-s", "-Q", "-V"},
        new String[] {"simulate", "--run", "--show-scores", "--quiet", "--verbose", "--simulate", "-x", "c.xml"});
    for (String[] args : forms) {
      SimulateCommand byPicocli = new SimulateCommand();
      new CommandLine(byPicocli).parseArgs(Arrays.copyOfRange(args, 1, args.length));
      SimulateCommand plain = SimulateCommand.plain(args).orElseThrow();
      assertThat(options(plain)).as(String.join(" ", args)).isEqualTo(options(byPicocli));
    }
  }

  @Test
  void everyOtherFormIsLeftToPicocli() {
    List<String[]> forms = List.of(
        new String[] {"simulate", "-x"},
        new String[] {"simulate", "-S", "-R"},
        new String[] {"simulate", "-Sx", "c.xml"},
        new String[] {"simulate", "-x=c.xml", "-S"},
        new String[] {"simulate", "-x", "c.xml", "-S", "-S"},
        new String[] {"simulate", "-x", "c.xml", "-x", "d.xml"},
        new String[] {"simulate", "-x", "-S", "-R"},
        new String[] {"simulate", "-x", "@args", "-S"},
        new String[] {"simulate", "-x", "c.xml", "-h"},
        new String[] {"simulate", "-x", "c.xml", "-L"},
        new String[] {"simulate", "-x", "c.xml", "--xml-dir", "in"},
        new String[] {"simulate", "-x", "c.xml", "extra"},
        new String[] {"status", "-x", "c.xml", "-S"});
    for (String[] args : forms) {
      assertThat(SimulateCommand.plain(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  private static List<Object> options(SimulateCommand c) {
    return List.of(c.xmlFile, c.simulate, c.run, c.showScores, c.quiet, c.verbose, c.live);
  }
}
