package org.vigil.crmsh.configure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.cib.model.Cib;
import org.vigil.cib.xml.CibXml;
import org.vigil.cib.xml.XmlElement;
import org.vigil.crmsh.cib.FileCibAccess;
import org.vigil.crmsh.configure.shell.ConfigureSession;
import org.vigil.crmsh.configure.shell.ShellRunner;
import org.vigil.crmsh.configure.syntax.Lexer;
import org.vigil.crmsh.configure.syntax.TestAgents;

/**
 * Classic setups typed as users type them, committed to a CIB_file by Vigil's configure shell,
 * checked by Pacemaker's crm_verify, and compared with the XML that crmsh itself writes from
 * the same transcript (same elements, same ids; attribute and object order aside).
 */
class TranscriptDifferentialTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"nfs-mysql", "drbd", "lvs", "coverage-1", "coverage-2", "coverage-3"})
  void vigilWritesWhatCrmshWrites(String name) throws Exception {
    String transcript = new String(getClass().getResourceAsStream("/configure/" + name + ".crm").readAllBytes(),
        StandardCharsets.UTF_8);
    Path ours = dir.resolve("vigil.xml");
    Files.writeString(ours, emptyCib());
    StringWriter err = new StringWriter();
    ConfigureSession session = new ConfigureSession(new FileCibAccess(ours), new TestAgents(),
        new PrintWriter(new StringWriter()), new PrintWriter(err), f -> { });
    assertThat(ShellRunner.script(session, Lexer.statements(transcript))).as(err.toString()).isZero();

    if (onPath("crm_verify")) {
      Run verify = run(List.of("crm_verify", "-x", ours.toString()), null);
      assertThat(verify.rc()).as("crm_verify -x: " + verify.output()).isZero();
    }

    Assumptions.assumeTrue(onPath("crm") && onPath("cibadmin"), "crmsh not installed: no differential");
    Path theirs = dir.resolve("crmsh.xml");
    Files.writeString(theirs, emptyCib());
    Path script = dir.resolve(name + ".crm");
    Files.writeString(script, transcript);
    Run crmsh = run(List.of("sh", "-c", "CIB_file=" + theirs + " crm -F configure < " + script), null);
    Assumptions.assumeTrue(crmsh.rc() == 0, "crmsh could not load the transcript: " + crmsh.output());
    assertThat(comparable(CibXml.read(ours))).isEqualTo(comparable(CibXml.read(theirs)));
  }

  private static String emptyCib() throws Exception {
    if (onPath("cibadmin")) {
      Run r = run(List.of("cibadmin", "--empty"), null);
      if (r.rc() == 0) {
        return r.output();
      }
    }
    return CibXml.write(Cib.empty());
  }

  /** The configuration with objects sorted by id in each section (crmsh and Vigil order them differently). */
  static String comparable(Cib cib) {
    XmlElement conf = CibXml.toElement(cib.configuration());
    List<XmlElement> sections = new ArrayList<>();
    for (XmlElement s : conf.children()) {
      if (s.children().isEmpty()) {
        continue;
      }
      List<XmlElement> objects = new ArrayList<>(s.children());
      objects.sort(Comparator.comparing((XmlElement x) -> x.name()).thenComparing(x -> String.valueOf(x.id())));
      sections.add(s.withChildren(objects));
    }
    return conf.withChildren(sections).toString();
  }

  record Run(int rc, String output) {}

  static Run run(List<String> command, Path cwd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Run(-1, out);
    }
    return new Run(p.exitValue(), out);
  }

  static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
